/**
 * The editors' desk, a JDK {@link com.sun.net.httpserver.HttpHandler} for the {@code /desk} prefix
 * ({@link org.briefbot.desk.Desk}): a login with the secret from the environment, a session cookie
 * and a CSRF token on every form; charts of questions per day and share answered; unanswered and
 * low-confidence questions grouped by meaning; down-voted answers; a review queue of confident
 * answers; a test pane showing the ranked candidates and their signals. Its actions write curated
 * FAQ files ({@link org.briefbot.desk.FaqFiles}) and mark questions in the store.
 *
 * <p>Owns the desk's HTML (server-rendered, no scripts), sessions and FAQ writing. Imports {@code
 * conversation} (the library serving now, chit-chat told apart), {@code answer} (the test pane),
 * {@code knowledge} (the FAQ format), {@code store}, {@code memo} and Jackson; never an index,
 * retrieval or web server library: whoever serves HTTP mounts the handler.
 */
package org.briefbot.desk;

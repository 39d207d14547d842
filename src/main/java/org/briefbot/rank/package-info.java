/**
 * The only package that imports XGBoost (XGBoost4J, Apache-2.0): gradient-boosted tree models
 * fitted on feature tables ({@link org.briefbot.rank.Fitting}) and served from their JSON form
 * ({@link org.briefbot.rank.TreeModel}). It knows nothing of questions or passages: rows of numbers
 * in, one score per row out. Feature extraction lives in {@code org.briefbot.retrieval}.
 */
package org.briefbot.rank;

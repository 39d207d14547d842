package org.briefbot.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An editor's browser without the browser: follows no redirect, keeps the cookies the desk sets,
 * and reads the CSRF token from its pages.
 */
final class DeskClient {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final Pattern LOGIN = Pattern.compile("name=\"login\" value=\"([^\"]+)\"");

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  final Map<String, String> cookies = new LinkedHashMap<>();
  String csrf = "";

  DeskClient(DeskServer server) {
    this(server.base);
  }

  /** A client of the server at {@code base}, e.g. {@code http://127.0.0.1:8080}. */
  DeskClient(URI base) {
    this.base = base;
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  /** Posts {@code fields} (name, value, name, value ...) as a form. */
  HttpResponse<String> post(String path, String... fields) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i + 1 < fields.length; i += 2) {
      if (body.length() > 0) {
        body.append('&');
      }
      body.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
    }
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /** Logs in with {@code secret} the way the form does; the response to the post. */
  HttpResponse<String> logIn(String secret) {
    HttpResponse<String> form = get("/desk/login");
    Matcher token = LOGIN.matcher(form.body());
    assertThat(token.find()).as("the login form has its token").isTrue();
    return post("/desk/login", "login", token.group(1), "secret", secret);
  }

  /** Logs in with the right secret and reads the CSRF token from the overview. */
  DeskClient loggedIn() {
    assertThat(logIn(DeskServer.SECRET).statusCode()).isEqualTo(303);
    HttpResponse<String> overview = get("/desk");
    assertThat(overview.statusCode()).isEqualTo(200);
    Matcher token = CSRF.matcher(overview.body());
    assertThat(token.find()).isTrue();
    csrf = token.group(1);
    return this;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString());
      keep(response.headers().allValues("Set-Cookie"));
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void keep(List<String> setCookies) {
    for (String setCookie : setCookies) {
      String pair = setCookie.split(";", 2)[0];
      String name = pair.substring(0, pair.indexOf('='));
      String value = pair.substring(pair.indexOf('=') + 1);
      if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
  }

  static URI location(HttpResponse<String> response) {
    return URI.create(response.headers().firstValue("Location").orElseThrow());
  }
}

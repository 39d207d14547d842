package org.briefbot.desk;

import java.util.List;
import java.util.Optional;

/**
 * The frame of every desk page: a phone-first layout, the navigation and the logout form when
 * logged in, and no script at all.
 */
final class Page {
  /** The pages in the navigation: path under /desk, and label. */
  static final List<String[]> NAVIGATION =
      List.of(
          new String[] {"/desk", "Overview"},
          new String[] {"/desk/questions", "Unanswered"},
          new String[] {"/desk/downvoted", "Down-voted"},
          new String[] {"/desk/review", "Review"},
          new String[] {"/desk/test", "Test pane"});

  private static final String STYLE =
      """
      :root{color-scheme:light;--ink:#1b1f24;--muted:#57606a;--line:#d0d7de;--accent:#0b5cad;\
      --answered:#1a7f37;--asked:#9fb6cd;--warn:#9a6700}
      *{box-sizing:border-box}
      body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink)}
      a{color:var(--accent)}
      .skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px}
      header{background:#f6f8fa;border-bottom:1px solid var(--line);padding:8px 12px}
      nav{display:flex;flex-wrap:wrap;gap:4px 14px;align-items:center}
      nav a{padding:6px 0}nav a[aria-current]{font-weight:700;color:var(--ink)}
      nav form{margin-left:auto}
      main{padding:12px;max-width:980px;margin:0 auto}
      h1{font-size:1.4rem;margin:.4em 0}h2{font-size:1.15rem;margin:1.2em 0 .4em}
      .totals{display:grid;grid-template-columns:repeat(auto-fit,minmax(130px,1fr));gap:8px;padding:0;list-style:none}
      .totals li{border:1px solid var(--line);border-radius:6px;padding:8px}
      .totals strong{display:block;font-size:1.4rem}
      .chart svg{width:100%;height:160px;border-bottom:1px solid var(--line)}
      .chart figcaption{color:var(--muted);font-size:.9rem}
      rect.asked{fill:var(--asked)}rect.answered{fill:var(--answered)}rect.share{fill:var(--accent)}
      line.axis{stroke:var(--line)}
      table{border-collapse:collapse;width:100%;font-size:.92rem}
      th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
      .scroll{overflow-x:auto}
      ol.items{padding-left:1.2em}ol.items>li{margin:0 0 16px;padding-bottom:8px;border-bottom:1px solid var(--line)}
      .meta{color:var(--muted);font-size:.9rem}
      blockquote{margin:6px 0;padding:6px 10px;border-left:4px solid var(--line);background:#f6f8fa}
      .none{color:var(--warn)}
      label{display:block;font-weight:600;margin-top:6px}
      input[type=text],input[type=password],input[type=search],select,textarea{width:100%;font:inherit;padding:8px;border:1px solid var(--muted);border-radius:4px}
      button{font:inherit;padding:8px 14px;margin-top:8px;border-radius:4px;border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer}
      button.quiet{background:#fff;color:var(--accent)}
      form.act{border:1px solid var(--line);border-radius:6px;padding:8px;margin:8px 0}
      .notice{border:1px solid var(--answered);background:#dafbe1;padding:8px;border-radius:6px}
      .problem{border:1px solid #cf222e;background:#ffebe9;padding:8px;border-radius:6px}
      :focus-visible{outline:3px solid #fb8c00;outline-offset:2px}
      """;

  private Page() {}

  /**
   * A whole page.
   *
   * @param current the navigation path of this page, marked as the current one
   * @param csrf the session's token, for the logout form; empty when not logged in
   */
  static String render(String title, String current, Optional<String> csrf, String body) {
    StringBuilder page =
        new StringBuilder(body.length() + 4096)
            .append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .append("<title>")
            .append(Html.escape(title))
            .append(" · briefbot desk</title><style>")
            .append(STYLE)
            .append("</style></head><body><a class=\"skip\" href=\"#main\">Skip to content</a>");
    csrf.ifPresent(token -> page.append(header(current, token)));
    return page.append("<main id=\"main\"><h1>")
        .append(Html.escape(title))
        .append("</h1>")
        .append(body)
        .append("</main></body></html>")
        .toString();
  }

  private static String header(String current, String csrf) {
    StringBuilder nav = new StringBuilder("<header><nav aria-label=\"Desk\">");
    for (String[] link : NAVIGATION) {
      nav.append("<a href=\"")
          .append(link[0])
          .append('"')
          .append(link[0].equals(current) ? " aria-current=\"page\"" : "")
          .append('>')
          .append(link[1])
          .append("</a>");
    }
    return nav.append("<form method=\"post\" action=\"/desk/logout\">")
        .append(csrfField(csrf))
        .append("<button class=\"quiet\" type=\"submit\">Log out</button></form></nav></header>")
        .toString();
  }

  static String csrfField(String csrf) {
    return "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.escape(csrf) + "\">";
  }
}

package org.briefbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.testing.Chromium;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The page's files alone, in a real Chromium: they load under their own security policy. */
class StaticPageIT {
  @BeforeAll
  static void needsChromium() {
    Chromium.assumeInstalled();
  }

  @Test
  void pageLoadsWithALabelledQuestionField() {
    try (WebServer server =
        WebServer.start(
            BriefbotConfig.defaults().web().onPort(0),
            List.of(new Mount("/", new StaticFiles())))) {
      WebDriver page = Chromium.shared(Chromium.DESKTOP).driver();
      page.get(server.url().toString());
      assertThat(page.getTitle()).isEqualTo("briefbot");
      String field = page.findElement(By.cssSelector("label[for=question]")).getAttribute("for");
      assertThat(page.findElement(By.id(field)).getTagName()).isEqualTo("input");
    }
  }
}

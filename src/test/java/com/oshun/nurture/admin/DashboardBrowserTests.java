package com.oshun.nurture.admin;

import com.oshun.nurture.BookingJson;
import com.oshun.nurture.IntegrationTest;
import com.oshun.nurture.SequenceVersions;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real browser (Debian's chromium): log in, find a contact, read its
 * timeline, pause and resume its enrollment, edit a sequence and preview it. Each page is
 * saved under {@code target/screenshots/}.
 */
class DashboardBrowserTests extends IntegrationTest {

	private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	private static Playwright playwright;

	private static Browser browser;

	private boolean editedWarmLead;

	@BeforeAll
	static void launch() {
		playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get("/usr/bin/chromium"))
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run")));
	}

	@AfterAll
	static void close() {
		if (playwright != null) {
			playwright.close();
		}
	}

	@AfterEach
	void restoreWarmLead() {
		if (editedWarmLead) {
			SequenceVersions.restoreFirst(http, "warm_lead");
		}
	}

	@Test
	void staffFindAContactReadItsTimelineAndPauseAndResumeIt() {
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);
		advance("PT6H");
		Page page = loggedIn(1280, 860);
		shot(page, "overview");
		assertThat(page.locator("#funnel svg")).isVisible();
		assertThat(page.locator("#lift svg")).isVisible();
		assertThat(page.locator("#lift")).containsText("not enough data");

		page.click("nav >> text=Contacts");
		page.fill("#q", "Ana");
		page.click("#search");
		page.click("#results >> text=Ana Souza");
		assertThat(page.locator("#timeline")).containsText("reschedule");
		assertThat(page.locator("#timeline")).containsText("sent");
		assertThat(page.locator("#enrollment-status"))
			.containsText("no_show v" + SequenceVersions.current(http, "no_show") + " active");
		shot(page, "contact");

		page.click("[data-action=pause]");
		assertThat(page.locator("#confirm")).isVisible();
		shot(page, "confirm-pause");
		page.click("#confirm-ok");
		assertThat(page.locator("#enrollment-status")).containsText("paused");
		assertThat(enrollmentStatus()).isEqualTo("paused");

		page.click("[data-action=resume]");
		page.click("#confirm-ok");
		assertThat(page.locator("#enrollment-status")).containsText("active");
		assertThat(enrollmentStatus()).isEqualTo("active");
		shot(page, "contact-resumed");

		Page phone = loggedIn(390, 844);
		phone.navigate(http.base() + "/dashboard/index.html#contact/c_1");
		assertThat(phone.locator("#timeline")).containsText("reschedule");
		shot(phone, "contact-phone");
	}

	@Test
	void staffEditASequenceAndPreviewIt() {
		http.booking(BookingJson.noShow("evt_1", "c_1")).expect(202);
		int before = SequenceVersions.current(http, "warm_lead");
		Page page = loggedIn(1280, 900);

		page.click("nav >> text=Sequences");
		page.click("[data-edit=warm_lead]");
		assertThat(page.locator("#steps tr")).hasCount(5);
		shot(page, "sequence-editor");

		page.locator("#steps tr").nth(2).locator(".when").fill("5");
		page.locator("#steps tr").nth(1).locator(".when").fill("6");
		page.click("#save");
		page.click("#confirm-ok");
		assertThat(page.locator("#save-result")).containsText("steps[2].day");
		shot(page, "sequence-invalid");

		editedWarmLead = true;
		page.fill("#tone", "warm and brief");
		page.locator("#steps tr").nth(1).locator(".when").fill("3");
		page.click("#save");
		page.click("#confirm-ok");
		assertThat(page.locator("#save-result")).containsText("Saved as version " + (before + 1));
		assertThat(http.get("/api/sequences/warm_lead").json().get("tone").stringValue()).isEqualTo("warm and brief");

		page.fill("#preview-contact", "c_1");
		page.click("#preview-button");
		assertThat(page.locator("#preview table")).containsText("info");
		shot(page, "sequence-preview");
	}

	@Test
	void aWrongTokenIsNotLetIn() {
		Page page = browser.newPage();
		page.navigate(http.base() + "/dashboard");
		shot(page, "login");
		page.fill("#token", "wrong");
		page.click("#login");
		assertThat(page.locator(".login [role=alert]")).containsText("not accepted");
		page.context().close();
	}

	private Page loggedIn(int width, int height) {
		Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(width, height));
		page.navigate(http.base() + "/dashboard");
		page.fill("#token", TOKEN);
		page.click("#login");
		assertThat(page.locator("#sends-week")).isVisible();
		return page;
	}

	private String enrollmentStatus() {
		return http.get("/api/contacts/c_1").json().get("activeEnrollment").get("status").stringValue();
	}

	private static void shot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

}

package org.retailhub.app.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's ChromeDriver (both installed by
 * {@code ops/scripts/ensure-prerequisites.sh}). Selenium gets both paths, so its manager never looks for or downloads a
 * browser. A missing browser fails the test with what to install: CI installs it, nothing is skipped. A test that fails
 * leaves a screenshot and the page source under {@code target/browser/} for the reader.
 *
 * <p>WebDriver's native clicks and keystrokes do not reach Camunda's AngularJS pages in this headless Chromium (seen
 * with Chromium 156: the login form stays empty), so {@link #type} sets a value and fires the input event a keystroke
 * fires, and {@link #press} clicks through the DOM: the page's own handlers run either way.
 */
final class HeadlessChromium implements AfterTestExecutionCallback, AfterEachCallback {

    static final Duration PATIENCE = Duration.ofSeconds(90);
    /** A webapp's first load compiles Camunda's whole front end: seen taking over 90 s at a load average of 78 here. */
    private static final Duration FIRST_LOAD = Duration.ofSeconds(240);
    private static final Path EVIDENCE = Path.of("target", "browser");
    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private WebDriver driver;

    /** A fresh browser (no cookies, no session) for the current test. */
    WebDriver open() {
        if (driver != null) {
            driver.quit();
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(installed("chromedriver", DRIVERS).toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(installed("chromium", BROWSERS).toFile());
        // root in CI: Chromium's sandbox refuses to run as root
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");
        driver = new ChromeDriver(service, options);
        return driver;
    }

    private static Path installed(String what, List<String> places) {
        return places.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElseThrow(() -> new IllegalStateException(
                what + " not found at " + places + ": the browser test needs Debian's chromium and chromium-driver packages; "
                        + "run ops/scripts/ensure-prerequisites.sh (as root) to install them"));
    }

    /** Signs in through the webapp's own login form and waits until the app has left its login page. */
    void signIn(String base, String app, String user) {
        driver.get(base + "/camunda/app/" + app + "/default/");
        new WebDriverWait(driver, FIRST_LOAD, Duration.ofMillis(500))
                .until(d -> !d.findElements(By.cssSelector("form[name=signinForm] input[type=password]")).isEmpty());
        until(d -> {
            List<WebElement> form = d.findElements(By.cssSelector("form[name=signinForm]"));
            if (form.isEmpty()) {
                return !d.getCurrentUrl().contains("/login");
            }
            // the login view can be drawn anew while the app starts: fill it again whenever it is empty
            WebElement name = form.get(0).findElement(By.cssSelector("input[type=text]"));
            if (name.getDomProperty("value").isEmpty()) {
                type(name, user);
                type(form.get(0).findElement(By.cssSelector("input[type=password]")), user + "-dev-only");
                press(form.get(0).findElement(By.cssSelector("button[type=submit]")));
            }
            return false;
        });
    }

    /** Waits (polling every half second, page redraws forgiven) until the condition holds, and returns its value. */
    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(500)).ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    /** What a person typing into the field does to the page: the value, then the input event AngularJS listens to. */
    void type(WebElement field, String text) {
        ((ChromeDriver) driver).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", field, text);
    }

    void press(WebElement element) {
        ((ChromeDriver) driver).executeScript("arguments[0].click();", element);
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Keeps a screenshot and the page source of what the browser shows now under target/browser/{name}. */
    void keep(String name) {
        try {
            Files.createDirectories(EVIDENCE);
            Files.write(EVIDENCE.resolve(name + ".png"), ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(EVIDENCE.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (driver != null && context.getExecutionException().isPresent()) {
            keep("failed-" + context.getRequiredTestMethod().getName());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }
}

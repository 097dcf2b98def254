package netwarden.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import netwarden.app.Http;
import netwarden.app.config.ConfigLoader;
import netwarden.app.config.ReplaySpeed;
import netwarden.app.run.FileFeed;
import netwarden.app.run.LiveRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real Chromium (Debian's, driven by its chromedriver; nothing downloaded), over the
 * history of a replayed shared capture: the recorded OpenArena players (Alice 10.201.0.11, Bob 10.201.0.12)
 * and the memcached reflection on their server. One browser for the class; a screenshot of each page is
 * saved under {@code target/console-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium"), DRIVER = Path.of("/usr/bin/chromedriver");
    private static final String ADMIN = "console-admin-token-0123456789", VIEWER = "console-viewer-token-0123456789";
    private static final String SERVICE = "10.201.0.1-udp-27960";
    private static final Path SHOTS = Path.of("target", "console-screenshots");

    private Path dir;
    private LiveRuntime runtime;
    private WebDriver browser;
    private String base;
    private String incident;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), "chromium and chromedriver (Debian) are not installed");
        Path capture = Path.of(System.getProperty("netwarden.shared", "../../shared"), "testdata/pcap/game-openarena-2players-memcached.pcapng");
        assumeTrue(Files.isReadable(capture), "shared capture absent: " + capture);
        dir = Files.createTempDirectory("console-browser-");
        var config = new ConfigLoader(Map.of("XDG_CACHE_HOME", dir.toString())).parse("test.yaml", """
                http: {listen: "127.0.0.1:0"}
                state: {dir: "%s"}
                incidents: {dir: "%s"}
                api:
                  tokens:
                    - {name: admin, token: %s, full-addresses: true}
                    - {name: viewer, token: %s, read-only: true}
                """.formatted(dir.resolve("state"), dir.resolve("incidents"), ADMIN, VIEWER));
        runtime = new LiveRuntime(config, new FileFeed(capture, ReplaySpeed.MAX));
        runtime.start();
        assertThat(runtime.awaitFeedEnd(Duration.ofSeconds(60))).isTrue();
        // the store's writer batches: wait until the players and the attack are in it
        Http.await(runtime.port(), "/api/v1/events?kind=attack_started&limit=5", ADMIN, Duration.ofSeconds(20),
                a -> a.status() == 200 && a.body().contains("attack_started"));
        Http.await(runtime.port(), "/api/v1/events?kind=player_joined&limit=5", ADMIN, Duration.ofSeconds(20),
                a -> a.status() == 200 && a.body().contains("10.201.0.11"));
        base = "http://127.0.0.1:" + runtime.port();

        Files.createDirectories(SHOTS);
        Path profile = Files.createDirectory(dir.resolve("chromium-profile"));
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) browser.quit();
        if (runtime != null) runtime.close();
        if (dir != null) try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    @Order(1)
    void anUnsignedPageRedirectsToLoginWhileTheApiAnswers401() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/incidents")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).as("back to the page after signing in").hasValue("/login?next=%2Fincidents");
        HttpResponse<String> api = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/services")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("\"error\"");
    }

    @Test
    @Order(2)
    void aWrongTokenIsRefusedAndTheRightOneSignsIn() throws Exception {
        signIn("not-a-token-of-this-server-at-all");
        assertThat(browser.getPageSource()).contains("not one of this server");
        signIn(ADMIN);
        assertThat(path()).isEqualTo("/");
        String cookie = ((JavascriptExecutor) browser).executeScript("return document.cookie").toString();
        assertThat(cookie).as("HttpOnly: scripts cannot read the session").doesNotContain("nw_session");
        assertThat(text()).contains("Overview").contains(SERVICE).contains("Latest events").contains("player_joined");
        assertThat(text()).as("the attack ended within the capture: no banner").doesNotContain("Attack: ");
        shot("overview");
    }

    @Test
    @Order(3)
    void theOverviewUpdatesItselfWithoutAReload() {
        browser.get(base + "/");
        // htmx swaps the live table every 2 s: the marker set on the old element is gone once it was replaced
        ((JavascriptExecutor) browser).executeScript("document.getElementById('live').dataset.old = '1'");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> ((JavascriptExecutor) d)
                .executeScript("return document.getElementById('live').dataset.old === undefined").equals(Boolean.TRUE));
        assertThat(browser.findElement(By.id("live")).getText()).contains(SERVICE);
    }

    @Test
    @Order(4)
    void everyPageRendersWithData() throws Exception {
        browser.get(base + "/incidents");
        WebElement link = browser.findElement(By.linkText("reflection_memcached"));
        incident = link.getAttribute("href").replaceFirst(".*/incidents/", "");
        shot("incidents");

        browser.get(base + "/incidents/" + incident);
        assertThat(text()).contains("reflection_memcached on " + SERVICE).contains("Top sources").contains("10.201.3.")
                .contains("11211").contains("Players online during it").contains("10.201.0.11");
        assertThat(browser.findElements(By.cssSelector(".uplot"))).as("timeline charts drawn").isNotEmpty();
        Object magic = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => done(Array.from(new Uint8Array(b.slice(0, 4)))), e => done(null));",
                "/incidents/" + incident + "/pcap");
        assertThat(magic).as("the sample pcap downloads (nanosecond pcap magic, little-endian)").isEqualTo(java.util.List.of(0x4dL, 0x3cL, 0xb2L, 0xa1L));
        shot("incident");

        browser.get(base + "/services/" + SERVICE + "?range=15m");
        assertThat(text()).contains("Packets per second").contains("Players").contains("Recent sessions").contains("10.201.0.12");
        assertThat(browser.findElements(By.cssSelector(".uplot"))).hasSize(4);
        shot("service");

        browser.get(base + "/players?service=" + SERVICE);
        assertThat(text()).contains("10.201.0.11").contains("10.201.0.12").doesNotContain("10.201.0.14");
        shot("players");

        browser.get(base + "/map");
        assertThat(browser.findElements(By.cssSelector(".map svg path"))).hasSizeGreaterThan(200);
        assertThat(text()).contains("unknown"); // private addresses have no country
        shot("map");
    }

    @Test
    @Order(5)
    void searchByAddressFindsThePlayer() throws Exception {
        browser.get(base + "/");
        WebElement box = browser.findElement(By.cssSelector("form.search input[name=q]"));
        box.sendKeys("10.201.0.11\n");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> path().equals("/search"));
        assertThat(browser.getCurrentUrl()).contains("q=10.201.0.11");
        assertThat(browser.findElement(By.xpath("//h2[text()='Sessions']/following-sibling::div[1]")).getText())
                .contains("10.201.0.11").contains(SERVICE);
        shot("search");
    }

    @Test
    @Order(6)
    void anAcknowledgementWithANoteSurvivesAReload() throws Exception {
        browser.get(base + "/incidents/" + incident);
        browser.findElement(By.cssSelector("form.ack-one textarea[name=note]")).sendKeys("memcached reflectors, upstream filter asked");
        browser.findElement(By.cssSelector("form.ack-one button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> text().contains("upstream filter asked"));
        browser.navigate().refresh();
        assertThat(text()).contains("memcached reflectors, upstream filter asked").contains("by admin");
        shot("incident-acknowledged");
    }

    @Test
    @Order(7)
    void aPostWithoutTheCsrfTokenIsRefused() {
        browser.get(base + "/incidents/" + incident);
        assertThat(post("/incidents/" + incident + "/ack", "note=forged")).isEqualTo(403);
        browser.navigate().refresh();
        assertThat(text()).doesNotContain("forged");
    }

    @Test
    @Order(8)
    void signOutEndsTheSession() {
        browser.findElement(By.cssSelector("form.signout button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> path().equals("/login"));
        browser.get(base + "/incidents");
        assertThat(path()).isEqualTo("/login");
    }

    @Test
    @Order(9)
    void aSharedLinkOpensItsViewAfterSigningIn() throws Exception {
        browser.get(base + "/players?service=" + SERVICE + "&sort=first");
        assertThat(path()).isEqualTo("/login");
        browser.findElement(By.id("token")).sendKeys(ADMIN);
        browser.findElement(By.cssSelector("form.signin button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> path().equals("/players"));
        assertThat(browser.getCurrentUrl()).contains("sort=first");
        // and it reads on a phone: nothing wider than the screen but the tables' own scroll boxes
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.get(base + "/");
        assertThat(((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                .isEqualTo(Boolean.TRUE);
        shot("overview-phone");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        browser.findElement(By.cssSelector("form.signout button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> path().equals("/login"));
    }

    @Test
    @Order(10)
    void aReadOnlyTokenSeesEverythingButCannotAcknowledge() throws Exception {
        signIn(VIEWER);
        assertThat(text()).contains("viewer (read-only)");
        browser.get(base + "/players?service=" + SERVICE);
        assertThat(text()).as("masked as in the API").contains("10.201.0.x#").doesNotContain("10.201.0.11");
        browser.get(base + "/incidents/" + incident);
        assertThat(browser.findElement(By.cssSelector("form.ack-one fieldset")).getAttribute("disabled")).isNotNull();
        String csrf = browser.findElement(By.cssSelector("form.ack-one input[name=csrf]")).getAttribute("value");
        assertThat(post("/incidents/" + incident + "/ack", "csrf=" + csrf + "&note=viewer+was+here")).isEqualTo(403);
        browser.navigate().refresh();
        assertThat(text()).doesNotContain("viewer was here");
        shot("incident-read-only");
    }

    private void signIn(String token) {
        browser.get(base + "/login");
        browser.findElement(By.id("token")).sendKeys(token);
        var before = browser.findElement(By.tagName("html"));
        browser.findElement(By.cssSelector("form.signin button")).click();
        // wait for the answer's page (the form's page reports "complete" too until it is replaced)
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(before));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> ((JavascriptExecutor) d).executeScript("return document.readyState").equals("complete"));
    }

    /** POSTs a form from the signed-in page (its cookie goes along) and answers the status. */
    private long post(String path, String body) {
        Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {method: 'POST', body: arguments[1], redirect: 'manual',
                    headers: {'Content-Type': 'application/x-www-form-urlencoded'}}).then(r => done(r.status), e => done(-1));
                """, path, body);
        return (Long) status;
    }

    private String path() {
        return URI.create(browser.getCurrentUrl()).getPath();
    }

    private String text() {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.tagName("body"))).getText();
    }

    private void shot(String name) throws Exception {
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name + ".png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}

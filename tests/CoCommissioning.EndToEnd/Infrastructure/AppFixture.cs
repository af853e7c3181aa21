using Microsoft.Playwright;

namespace CoCommissioning.EndToEnd.Infrastructure;

/// <summary>
/// One running app (on its own SQLite file) and one headless Chromium, shared by every test in a collection. The two
/// collections run side by side, each on a fixture of its own, so their journeys never see each other's records.
/// </summary>
public sealed class AppFixture : IAsyncLifetime, IDisposable
{
    private const string ChromiumPath = "/usr/bin/chromium";

    // Screenshots are for people to look at after a run: the run starts with an empty folder, emptied once, so the
    // second collection's start cannot delete the first one's pictures.
    private static readonly Lazy<bool> ScreenshotFolderEmptied = new(() =>
    {
        if (Directory.Exists(BlazorPage.ScreenshotFolder))
        {
            Directory.Delete(BlazorPage.ScreenshotFolder, recursive: true);
        }

        return true;
    });

    private readonly CoCommissioningAppFactory factory = new();
    private IPlaywright? playwright;
    private IBrowser? browser;

    public Uri BaseAddress { get; private set; } = default!;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The fixture has not started.");

    public string DatabasePath => factory.DatabasePath;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not at {ChromiumPath}. Install it with: apt-get install -y chromium");
        }

        _ = ScreenshotFolderEmptied.Value;

        // Both collections' apps, browsers and axe share two cores: an assertion waits as long as an action may.
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(15_000);

        BaseAddress = factory.Start();
        if (!File.Exists(factory.DatabasePath))
        {
            throw new InvalidOperationException($"The app did not use the test database {factory.DatabasePath}: check the configuration keys.");
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await factory.DisposeAsync();
    }

    public void Dispose() => factory.Dispose();
}

/// <summary>
/// The default collection of browser tests (<see cref="BrowserTest"/>). Journeys are split between it and
/// <see cref="SecondRunningAppTests"/> by their measured time, so the two halves take about as long: on the 2-core CI
/// machine the browser, the app and axe leave a core idle while one journey waits on another process.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RunningAppTests : ICollectionFixture<AppFixture>
{
    public const string Name = "Running app";
}

/// <summary>The second collection: a class joins it with <c>[Collection(SecondRunningAppTests.Name)]</c>.</summary>
[CollectionDefinition(Name)]
public sealed class SecondRunningAppTests : ICollectionFixture<AppFixture>
{
    public const string Name = "Second running app";
}

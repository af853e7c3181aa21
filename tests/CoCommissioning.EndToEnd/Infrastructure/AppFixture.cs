using Microsoft.Playwright;

namespace CoCommissioning.EndToEnd.Infrastructure;

/// <summary>One running app and one headless Chromium, shared by every test in the collection.</summary>
public sealed class AppFixture : IAsyncLifetime, IDisposable
{
    private const string ChromiumPath = "/usr/bin/chromium";

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

        // Screenshots are for people to look at after a run: start each run with an empty folder.
        if (Directory.Exists(BlazorPage.ScreenshotFolder))
        {
            Directory.Delete(BlazorPage.ScreenshotFolder, recursive: true);
        }

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

[CollectionDefinition(Name)]
public sealed class RunningAppTests : ICollectionFixture<AppFixture>
{
    public const string Name = "Running app";
}

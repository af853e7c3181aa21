using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CoCommissioning.EndToEnd.Infrastructure;

/// <summary>A fresh browser context (no cookies) and page per test, against the shared running app.</summary>
[Collection(RunningAppTests.Name)]
public abstract class BrowserTest(AppFixture app, ITestOutputHelper output) : IAsyncLifetime
{
    private IBrowserContext? context;

    protected AppFixture App => app;

    protected ITestOutputHelper Output => output;

    protected IPage Page { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(15_000);
        Page = await context.NewPageAsync();
        Page.PageError += (_, error) => output.WriteLine($"page error: {error}");
    }

    public async Task DisposeAsync()
    {
        if (context is not null)
        {
            await context.DisposeAsync();
        }
    }
}

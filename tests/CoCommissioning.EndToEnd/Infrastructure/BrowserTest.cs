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

    private readonly List<IBrowserContext> otherContexts = [];

    public async Task InitializeAsync()
    {
        context = await NewContextAsync();
        Page = await context.NewPageAsync();
        Page.PageError += (_, error) => output.WriteLine($"page error: {error}");
    }

    /// <summary>
    /// A page in a browser context of its own (its own cookies, so another person can sign in), closed with the test:
    /// for journeys where two people work at once.
    /// </summary>
    protected async Task<IPage> OpenSecondBrowserAsync()
    {
        var other = await NewContextAsync();
        otherContexts.Add(other);
        var page = await other.NewPageAsync();
        page.PageError += (_, error) => output.WriteLine($"page error (second browser): {error}");
        return page;
    }

    public async Task DisposeAsync()
    {
        foreach (var other in otherContexts)
        {
            await other.DisposeAsync();
        }

        if (context is not null)
        {
            await context.DisposeAsync();
        }
    }

    private async Task<IBrowserContext> NewContextAsync()
    {
        var created = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        created.SetDefaultTimeout(15_000);
        return created;
    }
}

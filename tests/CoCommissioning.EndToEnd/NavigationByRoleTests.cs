using CoCommissioning.EndToEnd.Infrastructure;
using Xunit.Abstractions;

namespace CoCommissioning.EndToEnd;

/// <summary>The navigation shows each role exactly the areas its policies allow.</summary>
[Collection(SecondRunningAppTests.Name)]
public sealed class NavigationByRoleTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Theory]
    [InlineData(DemoUsers.Member, new[] { "Home", "Committees", "Decisions log", "Action log", "My declarations", "My gifts and hospitality", "API tokens", "Notices", "Public records" })]
    [InlineData(DemoUsers.Secretary, new[] { "Home", "Committees", "Decisions log", "Action log", "My declarations", "My gifts and hospitality", "People", "Practices and suppliers", "API tokens", "Notices", "Public records" })]
    [InlineData(DemoUsers.GovernanceLead, new[] { "Home", "Committees", "Decisions log", "Action log", "My declarations", "My gifts and hospitality", "Register of interests", "Annual declarations", "Gifts and hospitality", "Procurement decisions", "Breaches", "Register settings", "Local rules", "People", "Practices and suppliers", "Audit trail", "API tokens", "Notices", "All notices", "Public records" })]
    [InlineData(DemoUsers.Administrator, new[] { "Home", "Committees", "Decisions log", "Action log", "My declarations", "My gifts and hospitality", "Register of interests", "Annual declarations", "Gifts and hospitality", "Procurement decisions", "Breaches", "Register settings", "Local rules", "People", "Practices and suppliers", "Audit trail", "Users and roles", "API tokens", "Notices", "All notices", "Public records" })]
    public async Task Navigation_ShowsExactlyTheAreasTheRoleAllows(string email, string[] expected)
    {
        await Page.SignInAsync(email);

        var links = await Page.NavigationLinksAsync();

        links.Should().Equal(expected);
        await Page.ScreenshotAsync("nav-" + email.Split('@')[0]);
    }

    [Fact]
    public async Task Navigation_ForAnonymousVisitor_OffersOnlyPublicAreas()
    {
        await Page.GotoAsync("/");
        await Page.WaitForInteractiveAsync();

        var links = await Page.NavigationLinksAsync();

        links.Should().Equal("Home", "Public records");
    }
}

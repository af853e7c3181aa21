using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;

namespace CoCommissioning.Web.Features.Minutes;

/// <summary>
/// Narratives are stored as the secretary typed them (Markdown); they are shown as HTML rendered by Markdig and then
/// sanitised by HtmlSanitizer against an explicit allow-list fit for minutes (ADR-0012 §14): text structure, lists,
/// tables and links only. No forms, inputs, buttons, frames, images, style, class or id attributes and no CSS, so a
/// narrative cannot run script, overlay the page, load anything from elsewhere or pose as part of the page.
/// Headings are demoted by two levels (h1 → h3, …, capped at h6) because the page gives each item an h2: a narrative
/// never outranks the headings around it. Links keep only http, https and mailto targets (or relative ones, which
/// stay on this site) and always carry rel="noopener noreferrer".
/// </summary>
public static class MinutesHtml
{
    /// <summary>How many levels a narrative's headings are moved down: the page's item headings are h2.</summary>
    public const int HeadingDemotion = 2;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseEmphasisExtras().Build();

    // HtmlSanitizer documents Sanitize() as thread-safe on a shared instance configured once and not changed
    // afterwards (README, "Thread safety"); this one is configured here and never touched again.
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        return Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "h1", "h2", "h3", "h4", "h5", "h6",
                "p", "br", "hr", "ul", "ol", "li",
                "strong", "em", "b", "i", "del", "s",
                "blockquote", "code", "pre",
                "table", "thead", "tbody", "tr", "th", "td",
                "a",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "scope" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowDataAttributes = false,
            AllowCssCustomProperties = false,
        };
        var sanitizer = new HtmlSanitizer(options);
        sanitizer.PostProcessDom += (_, e) => PostProcess(e.Document.Body);
        return sanitizer;
    }

    private static void PostProcess(IElement? root)
    {
        if (root is null)
        {
            return;
        }

        foreach (var element in root.QuerySelectorAll("*").ToList())
        {
            var name = element.LocalName;
            if (name == "a")
            {
                element.SetAttribute("rel", "noopener noreferrer");
            }
            else
            {
                // Attributes are allowed globally by HtmlSanitizer; keep each only where it means something.
                if (element.HasAttribute("href"))
                {
                    element.RemoveAttribute("href");
                }

                if (element.HasAttribute("scope") && name is not ("th" or "td"))
                {
                    element.RemoveAttribute("scope");
                }

                if (name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6')
                {
                    Demote(element, name[1] - '0');
                }
            }
        }
    }

    private static void Demote(IElement heading, int level)
    {
        var demoted = heading.Owner!.CreateElement($"h{Math.Min(6, level + HeadingDemotion)}");
        while (heading.FirstChild is { } child)
        {
            demoted.AppendChild(child);
        }

        heading.Replace(demoted);
    }
}

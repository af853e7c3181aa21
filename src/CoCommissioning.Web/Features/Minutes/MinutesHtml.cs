using Ganss.Xss;
using Markdig;

namespace CoCommissioning.Web.Features.Minutes;

/// <summary>
/// Narratives are stored as the secretary typed them (Markdown); they are shown as HTML rendered by Markdig and then
/// sanitised by HtmlSanitizer, so a script, an event handler or a javascript: link never reaches a page or a document.
/// </summary>
public static class MinutesHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseEmphasisExtras().Build();

    public static string Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        // A sanitiser per call: cheap next to rendering, and no shared state between requests.
        var sanitizer = new HtmlSanitizer();
        return sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
    }
}

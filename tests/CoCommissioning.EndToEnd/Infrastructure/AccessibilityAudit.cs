using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CoCommissioning.EndToEnd.Infrastructure;

/// <summary>
/// Runs axe on each page a journey visits and collects what it finds, so one failing page does not hide the rest
/// of the journey. Serious and critical violations fail the test; moderate and minor ones are only printed.
/// </summary>
public sealed class AccessibilityAudit(ITestOutputHelper output)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    // The rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA (the UK public sector standard), not axe's best-practice
    // extras. Only the failing nodes are gathered and sent back, not every passing one: every rule still runs, and
    // the rules that passed are still counted.
    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        ResultTypes = [ResultType.Violations],
    };

    private readonly List<string> blocking = [];

    public async Task CheckAsync(IPage page, string pageName)
    {
        var timer = System.Diagnostics.Stopwatch.StartNew();
        var result = await page.RunAxe(Options);
        foreach (var violation in result.Violations)
        {
            var report = Describe(pageName, violation);
            output.WriteLine(report);
            if (Blocking.Contains(violation.Impact, StringComparer.OrdinalIgnoreCase))
            {
                blocking.Add(report);
            }
        }

        output.WriteLine($"axe: {pageName} ({page.Url}): {result.Violations.Length} violation(s), {result.Passes.Length} rule(s) passed, in {timer.ElapsedMilliseconds} ms");
    }

    /// <summary>Fails the test if any page had a serious or critical violation, listing every one of them.</summary>
    public void ShouldHaveNoSeriousViolations()
    {
        if (blocking.Count > 0)
        {
            Assert.Fail($"axe found {blocking.Count} serious or critical accessibility violation(s):\n{string.Join("\n", blocking)}");
        }
    }

    private static string Describe(string pageName, AxeResultItem violation)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"[{pageName}] {violation.Id} ({violation.Impact}): {violation.Help} <{violation.HelpUrl}>");
        foreach (var node in violation.Nodes)
        {
            var html = node.Html.Length > 160 ? node.Html[..160] + "…" : node.Html;
            text.Append(CultureInfo.InvariantCulture, $"\n    target: {node.Target}\n    html: {html}");
            foreach (var check in node.Any.Concat(node.All).Concat(node.None))
            {
                text.Append(CultureInfo.InvariantCulture, $"\n    {check.Message}");
            }
        }

        return text.ToString();
    }
}

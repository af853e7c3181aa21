using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd.Infrastructure;

/// <summary>
/// Drives MudBlazor controls the way a person does: a field is found by its label, a select's option by its text in
/// the open popover, a date by the picker's calendar (MudDatePicker's input is read-only unless Editable).
/// </summary>
public static partial class MudControls
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Today as the app's services see it (they use the UTC date).</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>
    /// The field labelled <paramref name="label"/>: a required field's label ends with MudBlazor's "*", which is part
    /// of its accessible name.
    /// </summary>
    public static ILocator Field(this ILocator scope, string label) =>
        scope.GetByLabel(new Regex("^" + Regex.Escape(label) + @"\s*\*?$"));

    /// <summary>The open MudDialog with this title (its role="dialog" is labelled by the title).</summary>
    public static ILocator MudDialog(this IPage page, string title) =>
        page.GetByRole(AriaRole.Dialog, new() { Name = title, Exact = true });

    /// <summary>Clicks the button that opens a dialog and waits until the dialog shows, fully painted.</summary>
    public static async Task<ILocator> OpenDialogAsync(this IPage page, ILocator opener, string title)
    {
        await opener.ClickAsync();
        var dialog = page.MudDialog(title);
        await Expect(dialog).ToBeVisibleAsync();
        await page.WaitForAnimationsAsync();
        return dialog;
    }

    /// <summary>
    /// Waits until no finite CSS animation or transition is running, so that axe measures colours as painted and a
    /// screenshot shows the settled page (a dialog or snackbar fading in is half transparent).
    /// Snackbars count as settled once each is fully opaque: an older one fading out is waited for until it is gone.
    /// </summary>
    public static Task WaitForAnimationsAsync(this IPage page) =>
        page.WaitForFunctionAsync("""
            () => document.getAnimations().every(a =>
                    a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity)
                && [...document.querySelectorAll('.mud-snackbar')].every(e => getComputedStyle(e).opacity === '1')
            """, null, new PageWaitForFunctionOptions { PollingInterval = 50, Timeout = 20_000 });

    /// <summary>Runs axe once the page has settled (see <see cref="WaitForAnimationsAsync"/>).</summary>
    public static async Task CheckSettledAsync(this AccessibilityAudit audit, IPage page, string pageName)
    {
        await page.WaitForAnimationsAsync();
        await audit.CheckAsync(page, pageName);
    }

    /// <summary>The snackbar (toast) showing this text.</summary>
    public static ILocator Snackbar(this IPage page, string text) =>
        page.Locator(".mud-snackbar").Filter(new() { HasText = text });

    /// <summary>
    /// Opens the MudSelect labelled <paramref name="label"/> inside <paramref name="scope"/> and clicks each option.
    /// A single select closes itself on the click; a multi-select stays open and is closed with Escape.
    /// </summary>
    public static async Task ChooseAsync(this IPage page, ILocator scope, string label, params string[] options)
    {
        var field = scope.Field(label);
        await field.ClickAsync();
        var listbox = page.Locator(".mud-popover-open").GetByRole(AriaRole.Listbox);
        await Expect(listbox).ToBeVisibleAsync();
        var multiple = await listbox.GetAttributeAsync("aria-multiselectable") == "true";
        foreach (var option in options)
        {
            var item = listbox.GetByRole(AriaRole.Option, new() { Name = option, Exact = true });
            await item.ClickAsync();
            if (multiple)
            {
                await Expect(item).ToHaveAttributeAsync("aria-selected", "true");
            }
        }

        if (multiple)
        {
            await page.Keyboard.PressAsync("Escape");
        }

        await Expect(listbox).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Types <paramref name="date"/> the UK way into the date field labelled <paramref name="label"/> (the one date
    /// input, issue 13) and leaves the field, which reads it and shows it as dd/MM/yyyy.
    /// </summary>
    public static async Task PickDateAsync(this IPage page, ILocator scope, string label, DateOnly date)
    {
        var input = scope.Field(label);
        await page.TypeDateAsync(input, date.ToString("d MMM yyyy", UkCulture));
        await Expect(input).ToHaveValueAsync(date.ToString("dd/MM/yyyy", UkCulture));
    }

    /// <summary>Types <paramref name="text"/> into a date field and leaves it (Tab), as a person would.</summary>
    public static async Task TypeDateAsync(this IPage page, ILocator input, string text)
    {
        await input.FillAsync(text);
        await input.PressAsync("Tab");
        await page.WaitForAnimationsAsync();
    }

    /// <summary>The helper text under the field labelled <paramref name="label"/>: where MudBlazor shows its error.</summary>
    public static ILocator FieldMessage(this ILocator scope, string label) =>
        scope.Field(label)
            .Locator("xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' mud-input-control ')][1]")
            .Locator(".mud-input-helper-text");

}

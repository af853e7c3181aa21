using MudBlazor;

namespace CoCommissioning.Web.Components.Layout;

/// <summary>NHS identity colours, chosen for WCAG 2.2 AA contrast against white text and backgrounds.</summary>
public static class CoTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#005EB8",
            Secondary = "#330072",
            Tertiary = "#007F3B",
            Error = "#B8002E",
            Warning = "#8A4B00",
            Success = "#007F3B",
            Info = "#005EB8",
            AppbarBackground = "#005EB8",
            TextPrimary = "#212B32",
            TextSecondary = "#4C6272",
            Background = "#F0F4F5",
            DrawerText = "#212B32",
            DrawerIcon = "#4C6272",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Arial", "Helvetica", "sans-serif"] },
        },
    };
}

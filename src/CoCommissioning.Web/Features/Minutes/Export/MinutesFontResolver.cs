using PdfSharp.Fonts;

namespace CoCommissioning.Web.Features.Minutes.Export;

/// <summary>
/// PDFsharp 6 finds no fonts by itself on Linux. Every family resolves to DejaVu Sans (regular or bold), shipped inside
/// this assembly, so the PDF looks the same on any server, with or without fonts installed. Italic is not shipped;
/// PDFsharp simulates it if asked.
/// </summary>
internal sealed class MinutesFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    private static readonly Lazy<byte[]> Regular = new(() => Load(RegularFace));
    private static readonly Lazy<byte[]> Bold = new(() => Load(BoldFace));
    private static readonly Lock Gate = new();

    public static MinutesFontResolver Instance { get; } = new();

    private MinutesFontResolver()
    {
    }

    /// <summary>Sets this resolver once for the process; PDFsharp accepts the same instance again.</summary>
    public static void EnsureRegistered()
    {
        if (ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
        {
            return;
        }

        lock (Gate)
        {
            if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
            {
                GlobalFontSettings.FontResolver = Instance;
            }
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? BoldFace : RegularFace, false, italic);

    public byte[] GetFont(string faceName) => faceName == BoldFace ? Bold.Value : Regular.Value;

    private static byte[] Load(string face)
    {
        var name = $"CoCommissioning.Minutes.Fonts.{face}.ttf";
        using var stream = typeof(MinutesFontResolver).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font {name} is not embedded in the application.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}

using CoCommissioning.Domain.Minutes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Ovml = DocumentFormat.OpenXml.Vml.Office;
using V = DocumentFormat.OpenXml.Vml;
using Wvml = DocumentFormat.OpenXml.Vml.Wordprocessing;

namespace CoCommissioning.Web.Features.Minutes.Export;

/// <summary>
/// The minutes as a Word document for secretaries who finish them in Word: the same content as the PDF, with real
/// Heading 1 / Heading 2 styles (so Word's navigation pane and contents work), tables whose header rows repeat on
/// each page, bullets from the narrative's "- " lines, and "Page N of M" fields in the footer. A draft carries Word's
/// own kind of watermark, a diagonal "DRAFT" in the header (so on every page), which Word lists under Design ›
/// Watermark. All text goes in as text: markup in a narrative stays literal.
/// </summary>
public sealed class MinutesWordRenderer
{
    private const string BodyFont = "Arial";
    private const int BulletNumberingId = 1;

    // A4 with 2 cm margins, in twentieths of a point.
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int PageMargin = 1134;
    private const int ContentWidth = PageWidth - 2 * PageMargin;

    /// <summary>The formulas of VML shape type 136 (a plain text path), as Word writes them for its watermarks.</summary>
    private static readonly string[] TextPathFormulas =
    [
        "sum #0 0 10800", "prod #0 2 1", "sum 21600 0 @1", "sum 0 0 @2", "sum 21600 0 @3", "if @0 @3 0", "if @0 21600 @1",
        "if @0 0 @2", "if @0 @4 21600", "mid @5 @6", "mid @8 @5", "mid @7 @8", "mid @6 @7", "sum @6 0 @5",
    ];

    public byte[] Render(MinutesDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            AddStyles(main);
            AddNumbering(main);
            var footer = AddFooter(main, document);

            var body = new Body();
            Write(body, document);
            var section = new SectionProperties();
            if (MinutesExportText.IsDraft(document))
            {
                section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(AddWatermarkHeader(main)) });
            }

            section.Append(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin { Top = PageMargin, Bottom = PageMargin, Left = PageMargin, Right = PageMargin, Header = 567, Footer = 567, Gutter = 0 });
            body.Append(section);
            main.Document = new Document(body);

            word.PackageProperties.Title = $"{MinutesExportText.Clean(document.CommitteeName)} — minutes of {MinutesExportText.MeetingDate(document.StartsAt)}";
            word.PackageProperties.Subject = MinutesExportText.PartLine(document.Part);
            word.PackageProperties.Creator = MinutesExportText.Clean(document.OrganisationName);
            word.PackageProperties.Created = document.StartsAt.UtcDateTime;
            word.PackageProperties.Modified = document.StartsAt.UtcDateTime;
        }

        return stream.ToArray();
    }

    private static void Write(Body body, MinutesDocument document)
    {
        var organisation = MinutesExportText.Clean(document.OrganisationName);
        if (organisation.Length > 0)
        {
            body.Append(StyledParagraph("Organisation", organisation));
        }

        body.Append(StyledParagraph("Title", MinutesExportText.Clean(document.CommitteeName)));
        var meetingTitle = MinutesExportText.Clean(document.MeetingTitle).Trim();
        if (meetingTitle.Length > 0 && !string.Equals(meetingTitle, document.CommitteeName.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            body.Append(StyledParagraph("Subtitle", meetingTitle));
        }

        body.Append(Plain(MinutesExportText.HeldOn(document.StartsAt)));
        body.Append(StyledParagraph(document.Part == MinutesPart.Private ? "PrivateMarking" : "PartMarking", MinutesExportText.PartLine(document.Part)));
        body.Append(Plain(MinutesExportText.StatusLine(document)));

        body.Append(StyledParagraph("Heading1", "Present"));
        AttendeeTable(body, document.Present, MinutesExportText.PresentTimes, "No one is recorded as present.");

        body.Append(StyledParagraph("Heading1", "Apologies"));
        if (document.Apologies.Count == 0)
        {
            body.Append(Plain("None."));
        }
        else
        {
            foreach (var name in document.Apologies)
            {
                body.Append(Bullet([new TextRun(MinutesExportText.Clean(name), false)]));
            }
        }

        body.Append(StyledParagraph("Heading1", "In attendance"));
        AttendeeTable(body, document.InAttendance, p => MinutesExportText.Clean(p.Times), "None.");

        body.Append(StyledParagraph("Heading1", "Declarations of interest"));
        if (document.Declarations.Count == 0)
        {
            body.Append(Plain("No interests were declared."));
        }
        else
        {
            body.Append(Table(
                ["Name", "Interest", "How managed"],
                [0.24, 0.34, 0.42],
                document.Declarations.Select(d => new[] { MinutesExportText.Clean(d.Name), MinutesExportText.Clean(d.Interest), MinutesExportText.Management(d) }).ToList()));
        }

        // The resolution excluding the public stands where it was passed among the items.
        var before = document.ItemsBeforeExclusion();
        foreach (var item in document.Items.Take(before))
        {
            Item(body, item);
        }

        if (MinutesExportText.Exclusion(document) is { } resolution)
        {
            body.Append(StyledParagraph("Heading1", MinutesExportText.ExclusionHeading));
            body.Append(Plain(resolution));
        }

        foreach (var item in document.Items.Skip(before))
        {
            Item(body, item);
        }
    }

    private static void Item(Body body, MinutesItem item)
    {
        body.Append(StyledParagraph("Heading2", MinutesExportText.ItemHeading(item)));
        var purpose = MinutesExportText.PurposeLine(item);
        if (purpose.Length > 0)
        {
            body.Append(StyledParagraph("ItemFacts", purpose));
        }

        if (!string.IsNullOrWhiteSpace(item.Quorum))
        {
            body.Append(StyledParagraph("ItemFacts", MinutesExportText.Clean(item.Quorum)));
        }

        foreach (var block in MinutesExportText.Narrative(item.Narrative))
        {
            body.Append(block.IsBullet ? Bullet(block.Runs) : Paragraph(null, block.Runs));
        }

        if (!string.IsNullOrWhiteSpace(item.Outcome))
        {
            body.Append(Paragraph(null, [new TextRun(MinutesExportText.Clean(item.Outcome), true)]));
        }

        if (item.Actions.Count > 0)
        {
            body.Append(StyledParagraph("TableCaption", "Actions arising"));
            body.Append(Table(
                ["Action", "Owner", "Due"],
                [0.58, 0.27, 0.15],
                item.Actions.Select(a => new[] { MinutesExportText.Clean(a.Description), MinutesExportText.Clean(a.Owner), MinutesExportText.Due(a.Due) }).ToList()));
        }
    }

    private static void AttendeeTable(Body body, IReadOnlyList<AttendeeLine> people, Func<AttendeeLine, string> times, string none)
    {
        if (people.Count == 0)
        {
            body.Append(Plain(none));
            return;
        }

        body.Append(Table(
            ["Name", "Capacity", "Times"],
            [0.32, 0.43, 0.25],
            people.Select(p => new[] { MinutesExportText.Clean(p.Name), MinutesExportText.Clean(p.Capacity), times(p) }).ToList()));
    }

    private static Paragraph Plain(string text) => Paragraph(null, [new TextRun(text, false)]);

    private static Paragraph StyledParagraph(string style, string text) => Paragraph(style, [new TextRun(text, false)]);

    private static Paragraph Bullet(IReadOnlyList<TextRun> runs)
    {
        var paragraph = Paragraph("ListBullet", runs);
        paragraph.ParagraphProperties!.Append(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletNumberingId }));
        return paragraph;
    }

    /// <summary>A paragraph of runs; "\n" in a run becomes a line break.</summary>
    private static Paragraph Paragraph(string? style, IReadOnlyList<TextRun> runs)
    {
        var paragraph = new Paragraph(new ParagraphProperties());
        if (style is not null)
        {
            paragraph.ParagraphProperties!.Append(new ParagraphStyleId { Val = style });
        }

        foreach (var run in runs)
        {
            var lines = run.Text.Split('\n');
            var element = new Run();
            if (run.Bold)
            {
                element.Append(new RunProperties(new Bold()));
            }

            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    element.Append(new Break());
                }

                element.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            }

            paragraph.Append(element);
        }

        return paragraph;
    }

    private static Table Table(string[] headers, double[] widths, IReadOnlyList<string[]> rows)
    {
        var columns = widths.Select(w => (int)Math.Round(w * ContentWidth)).ToArray();
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4, Color = "AEB7BD" },
            new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "AEB7BD" },
            new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "AEB7BD" },
            new RightBorder { Val = BorderValues.Single, Size = 4, Color = "AEB7BD" },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "AEB7BD" },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "AEB7BD" });
        var table = new Table(
            new TableProperties(
                new TableStyle { Val = "MinutesTable" },
                new TableWidth { Width = ContentWidth.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                border,
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableLook { Val = "04A0", FirstRow = true, FirstColumn = false, LastRow = false, LastColumn = false, NoHorizontalBand = true, NoVerticalBand = true }),
            new TableGrid(columns.Select(c => new GridColumn { Width = c.ToString(System.Globalization.CultureInfo.InvariantCulture) })));

        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < headers.Length; i++)
        {
            header.Append(Cell(headers[i], columns[i], bold: true, shade: true));
        }

        table.Append(header);
        foreach (var row in rows)
        {
            var tableRow = new TableRow();
            for (var i = 0; i < headers.Length; i++)
            {
                tableRow.Append(Cell(i < row.Length ? row[i] : "", columns[i], bold: false, shade: false));
            }

            table.Append(tableRow);
        }

        return table;
    }

    private static TableCell Cell(string text, int width, bool bold, bool shade)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (shade)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "E8EDEE" });
        }

        var paragraph = Paragraph("TableText", [new TextRun(text, bold)]);
        return new TableCell(properties, paragraph);
    }

    /// <summary>
    /// The header of a draft: an empty header paragraph anchoring the watermark Word itself makes (Design › Watermark ›
    /// "DRAFT 1"): a VML WordArt shape of "DRAFT" in light grey at half opacity, turned 45° and centred on the page
    /// behind the text (negative z-index). The shape type is Word's text-path type 136, defined as Word writes it.
    /// </summary>
    private static HeaderPart AddWatermarkHeader(MainDocumentPart main)
    {
        var shapeType = new V.Shapetype(
            new V.Formulas(TextPathFormulas.Select(e => new V.Formula { Equation = e })),
            new V.Path
            {
                AllowTextPath = true,
                ConnectionPointType = Ovml.ConnectValues.Custom,
                ConnectionPoints = "@9,0;@10,10800;@11,21600;@12,10800",
                ConnectAngles = "270,180,90,0",
            },
            new V.TextPath { On = true, FitShape = true },
            new V.ShapeHandles(new V.ShapeHandle { Position = "#0,bottomRight", XRange = "6629,14971" }),
            new Ovml.Lock { Extension = V.ExtensionHandlingBehaviorValues.Edit, TextLock = true, ShapeType = true })
        {
            Id = "_x0000_t136",
            CoordinateSize = "21600,21600",
            OptionalNumber = 136,
            Adjustment = "10800",
            EdgePath = "m@7,l@8,m@5,21600l@6,21600e",
        };

        var shape = new V.Shape(
            new V.Fill { Opacity = ".5" },
            new V.TextPath { Style = $"font-family:\"{BodyFont}\";font-size:1pt", String = MinutesExportText.DraftWatermark },
            new Wvml.TextWrap { AnchorX = Wvml.HorizontalAnchorValues.Margin, AnchorY = Wvml.VerticalAnchorValues.Margin })
        {
            Id = "PowerPlusWaterMarkObject1",
            OptionalString = "_x0000_s2049",
            Type = "#_x0000_t136",
            Style = "position:absolute;margin-left:0;margin-top:0;width:453.5pt;height:151.15pt;rotation:315;z-index:-251657216;"
                + "mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin",
            AllowInCell = false,
            FillColor = "silver",
            Stroked = false,
        };

        var header = main.AddNewPart<HeaderPart>();
        header.Header = new Header(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Header" }),
            new Run(new RunProperties(new NoProof()), new Picture(shapeType, shape))));
        return header;
    }

    private static FooterPart AddFooter(MainDocumentPart main, MinutesDocument document)
    {
        var footer = main.AddNewPart<FooterPart>();
        var label = $"{MinutesExportText.PartLine(document.Part)} · {MinutesExportText.Clean(document.CommitteeName)} — minutes of {MinutesExportText.MeetingDate(document.StartsAt)}";
        footer.Footer = new Footer(
            new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }),
                new Run(new Text(label) { Space = SpaceProcessingModeValues.Preserve })),
            new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }, new Justification { Val = JustificationValues.Right }),
                new Run(new Text("Page ") { Space = SpaceProcessingModeValues.Preserve }),
                new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " },
                new Run(new Text(" of ") { Space = SpaceProcessingModeValues.Preserve }),
                new SimpleField(new Run(new Text("1"))) { Instruction = " NUMPAGES " }));
        return footer;
    }

    private static void AddNumbering(MainDocumentPart main)
    {
        var numbering = main.AddNewPart<NumberingDefinitionsPart>();
        numbering.Numbering = new Numbering(
            new AbstractNum(
                new MultiLevelType { Val = MultiLevelValues.SingleLevel },
                new Level(
                    new StartNumberingValue { Val = 1 },
                    new NumberingFormat { Val = NumberFormatValues.Bullet },
                    new LevelText { Val = "•" },
                    new LevelJustification { Val = LevelJustificationValues.Left },
                    new PreviousParagraphProperties(new Indentation { Left = "360", Hanging = "360" }),
                    new NumberingSymbolRunProperties(new RunFonts { Ascii = "Arial", HighAnsi = "Arial" }))
                { LevelIndex = 0 })
            { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletNumberingId });
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = BodyFont, HighAnsi = BodyFont, ComplexScript = BodyFont, EastAsia = BodyFont },
                    new FontSize { Val = "21" },
                    new FontSizeComplexScript { Val = "21" },
                    new Languages { Val = "en-GB" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            ParagraphStyle("Normal", "Normal", null, isDefault: true),
            ParagraphStyle("Title", "Title", "Normal", new RunProperties(new Bold(), new FontSize { Val = "36" }), new ParagraphProperties(new SpacingBetweenLines { After = "60" })),
            ParagraphStyle("Subtitle", "Subtitle", "Normal", new RunProperties(new Color { Val = "425563" }, new FontSize { Val = "22" })),
            ParagraphStyle("Organisation", "Organisation", "Normal", new RunProperties(new Bold(), new Color { Val = "005EB8" })),
            ParagraphStyle("PartMarking", "Part marking", "Normal", new RunProperties(new Bold())),
            ParagraphStyle("PrivateMarking", "Private marking", "Normal", new RunProperties(new Bold(), new Color { Val = "B01E2E" })),
            ParagraphStyle("Heading1", "heading 1", "Normal",
                new RunProperties(new Bold(), new Color { Val = "005EB8" }, new FontSize { Val = "28" }),
                new ParagraphProperties(new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = "280", After = "100" }, new OutlineLevel { Val = 0 })),
            ParagraphStyle("Heading2", "heading 2", "Normal",
                new RunProperties(new Bold(), new Color { Val = "005EB8" }, new FontSize { Val = "25" }),
                new ParagraphProperties(new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = "280", After = "80" }, new OutlineLevel { Val = 1 })),
            ParagraphStyle("ItemFacts", "Item facts", "Normal", new RunProperties(new Color { Val = "425563" }, new FontSize { Val = "19" }), new ParagraphProperties(new SpacingBetweenLines { After = "40" })),
            ParagraphStyle("TableCaption", "Table caption", "Normal", new RunProperties(new Bold()), new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "60", After = "60" })),
            ParagraphStyle("TableText", "Table text", "Normal", new RunProperties(new FontSize { Val = "19" }), new ParagraphProperties(new SpacingBetweenLines { Before = "20", After = "20" })),
            ParagraphStyle("ListBullet", "List Bullet", "Normal", null, new ParagraphProperties(new SpacingBetweenLines { After = "60" })),
            ParagraphStyle("Header", "header", "Normal", null, new ParagraphProperties(new SpacingBetweenLines { After = "0" })),
            ParagraphStyle("Footer", "footer", "Normal", new RunProperties(new Color { Val = "425563" }, new FontSize { Val = "16" }), new ParagraphProperties(new SpacingBetweenLines { After = "0" })),
            new Style(
                new StyleName { Val = "Minutes table" },
                new BasedOn { Val = "TableNormal" },
                new StyleTableProperties(new TableCellMarginDefault(
                    new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "MinutesTable" },
            new Style(new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 }, new SemiHidden(), new UnhideWhenUsed())
            { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });
    }

    private static Style ParagraphStyle(string id, string name, string? basedOn, RunProperties? run = null, ParagraphProperties? paragraph = null, bool isDefault = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }

        style.Append(new PrimaryStyle());
        if (paragraph is not null)
        {
            style.Append(new StyleParagraphProperties(paragraph.Elements().Select(e => e.CloneNode(true))));
        }

        if (run is not null)
        {
            style.Append(new StyleRunProperties(run.Elements().Select(e => e.CloneNode(true))));
        }

        return style;
    }
}

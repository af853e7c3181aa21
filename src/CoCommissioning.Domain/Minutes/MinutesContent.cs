using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoCommissioning.Domain.Minutes;

/// <summary>Both parts of one version of the minutes, as approved.</summary>
public sealed record MinutesParts(MinutesDocument Public, MinutesDocument Private)
{
    public MinutesDocument For(MinutesPart part) => part == MinutesPart.Private ? Private : Public;
}

/// <summary>
/// The canonical form of a version's minutes and its SHA-256 hash. The canonical JSON is compact, camel-cased, with
/// properties in declaration order, enums as names and instants in UTC: the same document always gives the same
/// bytes, so the hash stored at approval shows the approved text has not changed since.
/// </summary>
public static class MinutesContent
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter(), new NumberOrText() },
    };

    /// <summary>
    /// Writes text as ever, and reads a JSON number as its text: minutes approved before item numbers became text
    /// ("2.1", ADR-0018) stored <c>"number":2</c>, and still read. The bytes written, and so the hash, are unchanged.
    /// </summary>
    private sealed class NumberOrText : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Number
                ? Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan)
                : reader.GetString();

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    public static string Canonical(MinutesParts parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return JsonSerializer.Serialize(parts, Options);
    }

    public static MinutesParts Read(string canonical) =>
        JsonSerializer.Deserialize<MinutesParts>(canonical, Options) ?? throw new InvalidOperationException("The stored minutes are empty.");

    /// <summary>Lower-case hex SHA-256 of the UTF-8 canonical JSON.</summary>
    public static string Hash(string canonical) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

    public static string Hash(MinutesParts parts) => Hash(Canonical(parts));
}

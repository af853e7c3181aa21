using System.Text.Json;
using System.Text.Json.Serialization;
using CoCommissioning.Data;
using CoCommissioning.Domain.Common;

namespace CoCommissioning.Web.Infrastructure;

/// <summary>
/// The API's date reading: the format System.Text.Json reads, but only years <see cref="Dates"/> allows. Every date of
/// every request body at once (meetings, arrivals, actions, terms, registers), so "0001-01-01" or "9999-12-31" is a 400
/// naming the field (through <see cref="ApiExceptionHandler"/>) instead of a stored date or an overflow in date sums.
/// An instant is also cut to the precision both databases store (<see cref="StoredTime"/>), so the record an answer
/// shows is the record a later read returns.
/// </summary>
public sealed class SaneDateConverter<T>(Func<T, int> year, Func<T, T>? stored = null) : JsonConverter<T>
    where T : struct
{
    private readonly JsonConverter<T> inner = (JsonConverter<T>)JsonSerializerOptions.Default.GetConverter(typeof(T));

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = inner.Read(ref reader, typeToConvert, options);
        return year(value) is >= Dates.MinYear and <= Dates.MaxYear
            ? stored is null ? value : stored(value)
            : throw new JsonException($"The date must be between {Dates.MinYear} and {Dates.MaxYear}: check the year.");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => inner.Write(writer, value, options);
}

public static class SaneDateConverters
{
    public static void AddTo(IList<JsonConverter> converters)
    {
        converters.Add(new SaneDateConverter<DateOnly>(d => d.Year));
        converters.Add(new SaneDateConverter<DateTime>(d => d.Year));
        converters.Add(new SaneDateConverter<DateTimeOffset>(d => d.Year, d => d.AddTicks(-(d.Ticks % StoredTime.StoredTicks))));
    }

    /// <summary>The same bounds for a date bound from the query string or route; null if the value is not a date.</summary>
    public static bool? IsSane(object value) => value switch
    {
        DateOnly d => Dates.IsSane(d),
        DateTime d => d.Year is >= Dates.MinYear and <= Dates.MaxYear,
        DateTimeOffset d => d.Year is >= Dates.MinYear and <= Dates.MaxYear,
        _ => null,
    };
}

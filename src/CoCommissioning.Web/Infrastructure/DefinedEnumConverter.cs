using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoCommissioning.Web.Infrastructure;

/// <summary>
/// The API's enum converter: names or numbers as <see cref="JsonStringEnumConverter"/> reads them, but only values the
/// enum defines. "kind":99 is a 400 naming the field (through <see cref="ApiExceptionHandler"/>), never a stored and
/// published 99.
/// </summary>
public sealed class DefinedEnumConverterFactory : JsonConverterFactory
{
    private readonly JsonStringEnumConverter inner = new();

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(DefinedEnumConverter<>).MakeGenericType(typeToConvert), inner.CreateConverter(typeToConvert, options))!;
}

/// <summary>Reads through the inner converter and refuses a value the enum does not define.</summary>
public sealed class DefinedEnumConverter<T>(JsonConverter inner) : JsonConverter<T>
    where T : struct, Enum
{
    private readonly JsonConverter<T> converter = (JsonConverter<T>)inner;

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Defined(converter.Read(ref reader, typeToConvert, options));

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => converter.Write(writer, value, options);

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Defined(converter.ReadAsPropertyName(ref reader, typeToConvert, options));

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => converter.WriteAsPropertyName(writer, value, options);

    private static T Defined(T value) =>
        Enum.IsDefined(value) ? value : throw new JsonException($"{value} is not one of the values of {typeof(T).Name}.");
}

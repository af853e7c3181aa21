using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoCommissioning.Web.Tests.Infrastructure;

/// <summary>The API's JSON: web defaults (camelCase) with enums as strings.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}

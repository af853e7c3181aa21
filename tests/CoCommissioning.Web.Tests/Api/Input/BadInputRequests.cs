using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoCommissioning.Web.Tests.Api.Input;

/// <summary>One malformed request of the bad-input suite: what it sends and why, for the failure message.</summary>
public sealed record BadRequestCase(string Method, string Template, string Url, string Mutation, string? Body, string ContentType = "application/json")
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Url);
        if (Body is not null)
        {
            message.Content = new StringContent(Body, Encoding.UTF8);
            message.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(ContentType);
        }

        return message;
    }

    public override string ToString() => $"{Method} {Template} [{Mutation}]";
}

/// <summary>
/// Builds the malformed requests from the app's own OpenAPI document, so an endpoint added later is covered without
/// anyone remembering to list it: a plausible body from each operation's schema, then one mutation at a time.
/// </summary>
public sealed class BadInputRequests(JsonObject document, IReadOnlyDictionary<string, string> knownIds, IReadOnlyDictionary<string, string> enumFirstNames)
{
    private const int HugeLength = 100_000;
    private static readonly string Huge = new('x', HugeLength);

    // Written as JSON escapes: a lone surrogate cannot even be held in a valid .NET string that serialises cleanly.
    private static readonly (string Name, string Json)[] ControlStrings =
    [
        ("NUL", "\"a\\u0000b\""),
        ("U+0001", "\"a\\u0001b\""),
        ("lone surrogate", "\"a\\ud800b\""),
    ];

    private JsonObject Schemas => document["components"]!["schemas"]!.AsObject();

    /// <summary>Every POST/PUT/PATCH/DELETE under /api, mutated.</summary>
    public IEnumerable<BadRequestCase> WriteCases(Func<string, string> urlFor, Func<string, JsonObject?> versionFor)
    {
        foreach (var (template, method, operation) in Operations(m => m is "post" or "put" or "patch" or "delete"))
        {
            var url = urlFor(template);
            var verb = method.ToUpperInvariant();
            foreach (var bad in BadRoutes(verb, template, operation))
            {
                yield return bad;
            }

            var content = operation["requestBody"]?["content"]?.AsObject();
            if (content is null || content.Count == 0)
            {
                yield return new(verb, template, url, "unexpected JSON body", "{\"x\":1}");
                continue;
            }

            if (!content.ContainsKey("application/json"))
            {
                // A form upload: JSON where a form is expected, and an empty form.
                yield return new(verb, template, url, "JSON instead of a form", "{}");
                yield return new(verb, template, url, "empty form", "", "multipart/form-data; boundary=x");
                continue;
            }

            var schema = content["application/json"]!["schema"]!;
            var body = Sample(schema, name: null, depth: 0) ?? new JsonObject();
            if (body is JsonObject withVersion && withVersion.ContainsKey("version") && versionFor(url) is { } found)
            {
                withVersion["version"] = found["version"]?.DeepClone();
            }

            foreach (var (mutation, text, type) in WholeBodyMutations(body))
            {
                yield return new(verb, template, url, mutation, text, type);
            }

            foreach (var (path, slotSchema) in Slots(body, schema, depth: 0))
            {
                foreach (var (mutation, valueJson) in ValueMutations(slotSchema, path[^1]))
                {
                    yield return new(verb, template, url, $"{string.Join('.', path)} = {Shorten(mutation)}", Replace(body, path, valueJson));
                }
            }
        }
    }

    /// <summary>Every GET under /api with query parameters, each parameter given values no handler should store or choke on.</summary>
    public IEnumerable<BadRequestCase> QueryCases(Func<string, string> urlFor)
    {
        foreach (var (template, _, operation) in Operations(m => m == "get"))
        {
            var parameters = operation["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];
            var url = urlFor(template);
            foreach (var parameter in parameters.Where(p => (string?)p["in"] == "query"))
            {
                var name = (string)parameter["name"]!;
                foreach (var value in QueryValues(parameter["schema"]!))
                {
                    yield return new("GET", template, $"{url}?{name}={Uri.EscapeDataString(value.Value)}", $"?{name}={value.Name}", null);
                }
            }
        }
    }

    /// <summary>The URL templates of the write endpoints.</summary>
    public IEnumerable<string> WriteTemplates() =>
        Operations(m => m is "post" or "put" or "patch" or "delete").Select(o => o.Template).Distinct();

    private IEnumerable<(string Template, string Method, JsonObject Operation)> Operations(Func<string, bool> method)
    {
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            if (!template.StartsWith("/api/", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var (verb, operation) in item!.AsObject())
            {
                if (method(verb))
                {
                    yield return (template, verb, operation!.AsObject());
                }
            }
        }
    }

    private IEnumerable<BadRequestCase> BadRoutes(string verb, string template, JsonObject operation)
    {
        var routeIds = operation["parameters"]?.AsArray().Select(p => p!.AsObject())
            .Where(p => (string?)p["in"] == "path" && (string?)p["schema"]?["format"] == "uuid")
            .Select(p => (string)p["name"]!).ToList() ?? [];
        foreach (var id in routeIds)
        {
            var others = new Dictionary<string, string>(knownIds.Where(k => k.Key != id));
            yield return new(verb, template, Fill(template, others, $"{{{id}}}", "not-a-guid"), $"{id} not a guid", "{}");
            yield return new(verb, template, Fill(template, others, $"{{{id}}}", Guid.NewGuid().ToString()), $"{id} unknown", "{}");
        }
    }

    /// <summary>The template with the known ids, one placeholder replaced by the given value.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> ids, string placeholder, string value)
    {
        var url = template.Replace(placeholder, value, StringComparison.Ordinal);
        foreach (var (name, id) in ids)
        {
            url = url.Replace($"{{{name}}}", id, StringComparison.Ordinal);
        }

        // Any id nobody knows: a well-formed one that matches nothing.
        return System.Text.RegularExpressions.Regex.Replace(url, "\\{[^}]+\\}", _ => Guid.NewGuid().ToString());
    }

    private static IEnumerable<(string Mutation, string? Body, string ContentType)> WholeBodyMutations(JsonNode body)
    {
        yield return ("empty body", "", "application/json");
        yield return ("no body at all", null, "application/json");
        yield return ("JSON null", "null", "application/json");
        yield return ("JSON array", "[]", "application/json");
        yield return ("array of null", "[null]", "application/json");
        yield return ("JSON string", "\"x\"", "application/json");
        yield return ("JSON number", "42", "application/json");
        yield return ("empty object", "{}", "application/json");
        yield return ("truncated JSON", body.ToJsonString()[..^1], "application/json");
        yield return ("not JSON", "this is not json", "application/json");
        yield return ("trailing garbage", body.ToJsonString() + "}", "application/json");
        yield return ("text/plain content type", body.ToJsonString(), "text/plain");
        yield return ("form content type", "a=b", "application/x-www-form-urlencoded");
        yield return ("deeply nested", new string('[', 200) + new string(']', 200), "application/json");
    }

    /// <summary>Every property of the body (and of its nested objects and first array elements) with its schema.</summary>
    private IEnumerable<(string[] Path, JsonNode Schema)> Slots(JsonNode? value, JsonNode schema, int depth)
    {
        var resolved = Resolve(schema);
        if (depth > 3 || value is null)
        {
            yield break;
        }

        if (value is JsonObject obj && resolved.Schema["properties"] is JsonObject properties)
        {
            foreach (var (name, propertySchema) in properties)
            {
                yield return ([name], propertySchema!);
                foreach (var (path, inner) in Slots(obj[name], propertySchema!, depth + 1))
                {
                    yield return ([name, .. path], inner);
                }
            }
        }
        else if (value is JsonArray { Count: > 0 } array && resolved.Schema["items"] is { } items)
        {
            yield return (["0"], items);
            foreach (var (path, inner) in Slots(array[0], items, depth + 1))
            {
                yield return (["0", .. path], inner);
            }
        }
    }

    private IEnumerable<(string Name, string Json)> ValueMutations(JsonNode schema, string name)
    {
        var resolved = Resolve(schema);
        var types = Types(resolved.Schema);
        yield return ("null", "null");

        if (resolved.EnumName is not null)
        {
            yield return ("99", "99");
            yield return ("\"Nope\"", "\"Nope\"");
            yield return ("-1", "-1");
            yield break;
        }

        var format = (string?)resolved.Schema["format"];
        if (types.Contains("array"))
        {
            yield return ("[null]", "[null]");
            yield return ("[null, null]", "[null,null]");
            yield return ("object instead of array", "{}");
            yield return ("string instead of array", "\"x\"");
            yield break;
        }

        if (types.Contains("object") || resolved.Schema["properties"] is not null)
        {
            yield return ("array instead of object", "[]");
            yield return ("string instead of object", "\"x\"");
            yield break;
        }

        if (types.Contains("boolean"))
        {
            yield return ("\"yes\"", "\"yes\"");
            yield return ("1", "1");
            yield break;
        }

        if (types.Contains("integer") || types.Contains("number"))
        {
            yield return ("-1", "-1");
            yield return ("-2147483649", "-2147483649");
            yield return ("1e308", "1e308");
            yield return ("79228162514264337593543950336", "79228162514264337593543950336");
            yield return ("\"abc\"", "\"abc\"");
            yield return ("0.5", "0.5");
            yield break;
        }

        switch (format)
        {
            case "uuid":
                yield return ("\"not-a-guid\"", "\"not-a-guid\"");
                yield return ("empty guid", "\"00000000-0000-0000-0000-000000000000\"");
                yield return ("unknown guid", $"\"{Guid.NewGuid()}\"");
                yield return ("number", "12");
                yield break;
            case "date":
                yield return ("0001-01-01", "\"0001-01-01\"");
                yield return ("9999-12-31", "\"9999-12-31\"");
                yield return ("\"not a date\"", "\"31/02/2024\"");
                yield return ("number", "20240101");
                yield break;
            case "date-time":
                yield return ("0001-01-01T00:00:00Z", "\"0001-01-01T00:00:00Z\"");
                yield return ("9999-12-31T23:59:59Z", "\"9999-12-31T23:59:59Z\"");
                yield return ("0001-01-01T00:00:00+14:00", "\"0001-01-01T00:00:00+14:00\"");
                yield return ("\"not a time\"", "\"yesterday\"");
                yield break;
        }

        yield return ("number instead of text", "12");
        yield return ("object instead of text", "{}");
        yield return ("empty text", "\"\"");
        yield return ("whitespace", "\"   \"");
        yield return ($"{HugeLength:N0} characters", $"\"{Huge}\"");
        foreach (var control in ControlStrings)
        {
            yield return (control.Name, control.Json);
        }

        if (name.Contains("email", StringComparison.OrdinalIgnoreCase))
        {
            yield return ("\"not an email\"", "\"not an email\"");
        }
    }

    private IEnumerable<(string Name, string Value)> QueryValues(JsonNode schema)
    {
        var resolved = Resolve(schema);
        var types = Types(resolved.Schema);
        var format = (string?)resolved.Schema["format"];
        yield return ("NUL", "a\0b");
        yield return ("U+0001", "a\u0001b");
        yield return ("empty", "");
        if (resolved.EnumName is not null)
        {
            yield return ("99", "99");
            yield return ("-1", "-1");
            yield return ("Nope", "Nope");
        }
        else if (types.Contains("integer") || types.Contains("number"))
        {
            yield return ("-1", "-1");
            yield return ("99999999999", "99999999999");
            yield return ("abc", "abc");
        }
        else if (format is "date" or "date-time")
        {
            yield return ("0001-01-01", "0001-01-01");
            yield return ("9999-12-31", "9999-12-31");
            yield return ("bad date", "31/02/2024");
        }
        else if (format == "uuid")
        {
            yield return ("not a guid", "not-a-guid");
        }
        else
        {
            yield return ("0001-01-01", "0001-01-01");
            yield return ("9999-12-31", "9999-12-31");
            yield return ("2,000 characters", new string('x', 2000));
            yield return ("percent", "100%");
        }
    }

    /// <summary>A plausible value for a schema: known ids for id-like names, the first name of an enum, today for dates.</summary>
    private JsonNode? Sample(JsonNode schema, string? name, int depth)
    {
        var resolved = Resolve(schema);
        if (resolved.EnumName is not null)
        {
            return enumFirstNames.TryGetValue(resolved.EnumName, out var first) ? JsonValue.Create(first) : null;
        }

        var types = Types(resolved.Schema);
        if (resolved.Schema["properties"] is JsonObject properties)
        {
            if (depth > 4)
            {
                return null;
            }

            var obj = new JsonObject();
            foreach (var (property, propertySchema) in properties)
            {
                obj[property] = Sample(propertySchema!, property, depth + 1);
            }

            return obj;
        }

        if (types.Contains("array"))
        {
            var items = resolved.Schema["items"];
            return items is null ? new JsonArray() : new JsonArray(Sample(items, Singular(name), depth + 1));
        }

        if (types.Contains("boolean"))
        {
            return JsonValue.Create(false);
        }

        if (types.Contains("integer") || types.Contains("number"))
        {
            return JsonValue.Create(1);
        }

        if (types.Contains("string"))
        {
            return (string?)resolved.Schema["format"] switch
            {
                "uuid" => JsonValue.Create(KnownId(name) ?? Guid.NewGuid().ToString()),
                "date" => JsonValue.Create(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                "date-time" => JsonValue.Create(DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
                _ when name?.Contains("email", StringComparison.OrdinalIgnoreCase) == true => JsonValue.Create($"fuzz-{Guid.NewGuid():N}@example.org"),
                _ => JsonValue.Create($"Fuzz {name} {Guid.NewGuid().ToString("N")[..6]}"),
            };
        }

        return null;
    }

    private string? KnownId(string? name)
    {
        if (name is null)
        {
            return null;
        }

        foreach (var (key, id) in knownIds)
        {
            if (name.EndsWith(key, StringComparison.OrdinalIgnoreCase) || key.EndsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                return id;
            }
        }

        return null;
    }

    private static string? Singular(string? name) => name is { Length: > 1 } && name.EndsWith('s') ? name[..^1] : name;

    private (JsonObject Schema, string? EnumName) Resolve(JsonNode schema)
    {
        var current = schema.AsObject();
        for (var i = 0; i < 10; i++)
        {
            if (current["oneOf"] is JsonArray oneOf)
            {
                current = oneOf.Select(o => o!.AsObject()).FirstOrDefault(o => (string?)o["type"] != "null") ?? new JsonObject();
                continue;
            }

            if ((string?)current["$ref"] is { } reference)
            {
                var refName = reference.Split('/')[^1];
                var target = Schemas[refName]!.AsObject();
                if (enumFirstNames.ContainsKey(refName))
                {
                    return (target, refName);
                }

                current = target;
                continue;
            }

            break;
        }

        return (current, null);
    }

    private static HashSet<string> Types(JsonObject schema) => schema["type"] switch
    {
        JsonValue single => [(string)single!],
        JsonArray many => [.. many.Select(t => (string)t!).Where(t => t != "null")],
        _ => [],
    };

    private static string Replace(JsonNode body, string[] path, string valueJson)
    {
        // Spliced as text, so values System.Text.Json would refuse to hold (a lone surrogate) still reach the app.
        const string marker = "\"@@mutation@@\"";
        var copy = body.DeepClone();
        JsonNode parent = copy;
        foreach (var segment in path[..^1])
        {
            parent = parent is JsonArray a ? a[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)]! : parent[segment]!;
        }

        if (parent is JsonArray array)
        {
            array[int.Parse(path[^1], System.Globalization.CultureInfo.InvariantCulture)] = JsonValue.Create("@@mutation@@");
        }
        else
        {
            parent[path[^1]] = JsonValue.Create("@@mutation@@");
        }

        return copy.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .Replace(marker, valueJson, StringComparison.Ordinal);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}

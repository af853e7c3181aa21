namespace CoCommissioning.Web.Infrastructure;

/// <summary>
/// Minimal APIs bind an enum from the query string with <see cref="Enum.TryParse{TEnum}(string?, out TEnum)"/>, which
/// takes any number: <c>?status=99</c> would filter by a status that does not exist and quietly answer an empty list.
/// This refuses such a value with a 400 naming the parameter, the rule <see cref="DefinedEnumConverter{T}"/> applies to
/// request bodies.
/// </summary>
internal static class DefinedEnumArguments
{
    public static TBuilder RefuseUndefinedEnumArguments<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var enums = factory.MethodInfo.GetParameters()
                .Select((parameter, index) => (parameter.Name, Index: index, Type: Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType))
                .Where(p => p.Type.IsEnum && p.Name is not null)
                .ToArray();
            if (enums.Length == 0)
            {
                return next;
            }

            return context =>
            {
                foreach (var (name, index, type) in enums)
                {
                    if (context.Arguments[index] is { } value && !Enum.IsDefined(type, value))
                    {
                        return ValueTask.FromResult<object?>(TypedResults.ValidationProblem(
                            new Dictionary<string, string[]> { [name!] = [$"{value} is not one of the values of {name}."] },
                            title: "The request has invalid fields."));
                    }
                }

                return next(context);
            };
        });
}

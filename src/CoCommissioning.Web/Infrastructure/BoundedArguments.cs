namespace CoCommissioning.Web.Infrastructure;

/// <summary>
/// Minimal APIs bind an enum from the query string with <see cref="Enum.TryParse{TEnum}(string?, out TEnum)"/>, which
/// takes any number: <c>?status=99</c> would filter by a status that does not exist and quietly answer an empty list.
/// This refuses such a value with a 400 naming the parameter, the rule <see cref="DefinedEnumConverter{T}"/> applies to
/// request bodies; likewise a date outside the years <see cref="SaneDateConverter{T}"/> allows in bodies.
/// </summary>
internal static class BoundedArguments
{
    public static TBuilder RefuseUnboundedArguments<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var enums = factory.MethodInfo.GetParameters()
                .Select((parameter, index) => (parameter.Name, Index: index, Type: Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType))
                .Where(p => (p.Type.IsEnum || p.Type == typeof(DateOnly) || p.Type == typeof(DateTime) || p.Type == typeof(DateTimeOffset)) && p.Name is not null)
                .ToArray();
            if (enums.Length == 0)
            {
                return next;
            }

            return context =>
            {
                foreach (var (name, index, type) in enums)
                {
                    var problem = context.Arguments[index] switch
                    {
                        null => null,
                        var value when type.IsEnum => Enum.IsDefined(type, value) ? null : $"{value} is not one of the values of {name}.",
                        var value => SaneDateConverters.IsSane(value) == false ? $"The date must be between {CoCommissioning.Domain.Common.Dates.MinYear} and {CoCommissioning.Domain.Common.Dates.MaxYear}: check the year." : null,
                    };
                    if (problem is not null)
                    {
                        return ValueTask.FromResult<object?>(TypedResults.ValidationProblem(
                            new Dictionary<string, string[]> { [name!] = [problem] },
                            title: "The request has invalid fields."));
                    }
                }

                return next(context);
            };
        });
}

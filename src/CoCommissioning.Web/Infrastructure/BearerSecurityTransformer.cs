using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CoCommissioning.Web.Infrastructure;

/// <summary>Describes the API's authentication in the OpenAPI document: bearer tokens from /api/tokens.</summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "CoCommissioning API";
        document.Info.Description =
            "The JSON API of CoCommissioning: everything the web pages do. Authenticate with a bearer token " +
            "(create one on the API tokens page, or POST /api/auth/token). Roles are those you hold in your organisation; " +
            "records of other organisations answer 404.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API token such as coco_abc…, sent as Authorization: Bearer <token>.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] }];
        return Task.CompletedTask;
    }
}

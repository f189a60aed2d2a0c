using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SnapMagic.Api.OpenApi;

public static class OpenApiTags
{
    /// <summary>Describes the tag a feature's endpoints carry (<c>WithTags</c>), in every document.</summary>
    public static IServiceCollection AddOpenApiTag(this IServiceCollection services, string name, string description) =>
        services.ConfigureAll<OpenApiOptions>(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Tags ??= new HashSet<OpenApiTag>();
            if (document.Tags.FirstOrDefault(tag => tag.Name == name) is { } tagged)
                tagged.Description = description;
            else
                document.Tags.Add(new OpenApiTag { Name = name, Description = description });
            return Task.CompletedTask;
        }));
}

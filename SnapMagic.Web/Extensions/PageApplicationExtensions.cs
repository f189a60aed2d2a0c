using Microsoft.Net.Http.Headers;
using SnapMagic.Web.Security;

namespace SnapMagic.Web.Extensions;

public static class PageApplicationExtensions
{
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var headers = app.Services.GetRequiredService<SecurityHeaders>();
        app.Use((context, next) =>
        {
            headers.Apply(context.Response.Headers);
            return next(context);
        });
        return app;
    }

    /// <summary>Serves wwwroot: index.html at <c>/</c>, the stylesheet and the bundle in <c>dist/</c>.</summary>
    public static WebApplication UsePage(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = PageContentTypes.Create(),
            // File names carry no version, so browsers revalidate (ETag) and a new build shows at once.
            OnPrepareResponse = file => file.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
        });
        return app;
    }
}

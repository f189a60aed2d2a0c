using SnapMagic.Web.Configuration;
using SnapMagic.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddWebServices();

var app = builder.Build();

app.UseSecurityHeaders();
app.MapDefaultEndpoints();
app.UsePage();
app.MapClientConfigEndpoints();

app.Run();

public partial class Program;

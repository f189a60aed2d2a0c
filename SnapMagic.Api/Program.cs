using SnapMagic.Api.Auth;
using SnapMagic.Api.Cards;
using SnapMagic.Api.Extensions;
using SnapMagic.Api.Hub;
using SnapMagic.Api.Internal;
using SnapMagic.Api.OpenApi;
using SnapMagic.Api.Organizer;
using SnapMagic.Contracts;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiServices();

var app = builder.Build();

app.UseApiPipeline();

app.MapDefaultEndpoints();
app.MapApiReference();
app.MapAuthEndpoints();
app.MapCardEndpoints();
app.MapCardRatingEndpoints();
app.MapOrganizerEndpoints();
app.MapHub<CardsHub>(CardsHubContract.Path);
app.MapInternalEndpoints();

app.Run();

public partial class Program;

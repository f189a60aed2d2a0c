var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddWorkerServices();
builder.AddModelLifecycleCheck();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();

public partial class Program;

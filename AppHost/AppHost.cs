using Platform.AppHost;
using Platform.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

// PostgreSQL (one database per service), RabbitMQ and Redis: as containers, as local server processes or
// as existing servers, depending on Infra:Mode and on what the machine has.
var infra = builder.AddPlatformInfrastructure(databases: ["capacity", "grants", "youth", "partnerships", "media"]);

var capacity = builder.AddPlatformService<Projects.Platform_Capacity>("capacity", infra);
var grants = builder.AddPlatformService<Projects.Platform_Grants>("grants", infra);
var youth = builder.AddPlatformService<Projects.Platform_Youth>("youth", infra);
var partnerships = builder.AddPlatformService<Projects.Platform_Partnerships>("partnerships", infra);
var media = builder.AddPlatformService<Projects.Platform_Media>("media", infra);

builder.AddGateway<Projects.Platform_Gateway>("gateway", infra, [capacity, grants, youth, partnerships, media]);

builder.Build().Run();

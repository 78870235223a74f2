using Platform.AppHost;
using Platform.AppHost.Deployment;
using Platform.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

// PostgreSQL (one database per service), RabbitMQ and Redis: as containers, as local server processes or
// as existing servers, depending on Infra:Mode and on what the machine has.
var infra = builder.AddPlatformInfrastructure(databases: ["identity", "capacity", "grants", "youth", "partnerships", "media"]);

// The token server (OpenID Connect): people sign in through the gateway, every service validates its tokens.
var identity = builder.AddTokenServer<Projects.Platform_Identity>("identity", infra);
var capacity = builder.AddPlatformService<Projects.Platform_Capacity>("capacity", infra);
var grants = builder.AddPlatformService<Projects.Platform_Grants>("grants", infra);
var youth = builder.AddPlatformService<Projects.Platform_Youth>("youth", infra);
var partnerships = builder.AddPlatformService<Projects.Platform_Partnerships>("partnerships", infra);
var media = builder.AddPlatformService<Projects.Platform_Media>("media", infra);

var gateway = builder.AddGateway<Projects.Platform_Gateway>("gateway", infra, [identity, capacity, grants, youth, partnerships, media]);
// The public catalogue, open to anyone: Media's JSON API under /api/media/catalogue/ and its web pages at /catalogue.
gateway.WithEnvironment("Gateway__PublicPaths__0", "/api/media/catalogue/{**rest}")
    .WithEnvironment("Gateway__PublicPages__0__Path", "/catalogue/{**rest}")
    .WithEnvironment("Gateway__PublicPages__0__Service", "media");

// The token server asks Capacity's registry whether an applicant's organisation exists (docs/identity.md).
identity.WithEnvironment("Identity__Registry__Address", capacity.GetEndpoint("http"));
identity.IssuesTokensFor(gateway, [capacity, grants, youth, partnerships, media, gateway]);
gateway.LinksApiReference([identity, capacity, grants, youth, partnerships, media]);

builder.WithReplicaCounts();

// Runs the platform, or with Deploy:ManifestsDir writes its Kubernetes manifests (./platform.sh deploy-manifests).
builder.Build().RunOrWriteManifests();

using Microsoft.AspNetCore.OutputCaching;
using StackExchange.Redis;
using Platform.Media.Results;

namespace Platform.Media.Catalogue;

/// <summary>
/// Output caching of the public catalogue in Redis (shared by every replica; what it holds may be lost and rebuilt).
/// Entries carry the tag <see cref="FactsConsumer.CacheTag"/>: a published story, a new fact or a locked quarter
/// evicts them all. Only anonymous GETs are cached (the default rule), varied by query and the page's language.
/// <c>Catalogue:CacheOutput=false</c> turns caching off (the benchmark's uncached baseline). Redis is optional: while it
/// cannot be reached the catalogue is served uncached (<see cref="ResilientOutputCacheStore"/>).
/// </summary>
public static class CatalogueCaching
{
    public const string Policy = "catalogue";
    public const string CallsPolicy = "catalogue-calls";
    public const string PagePolicy = "catalogue-page";

    public static IHostApplicationBuilder AddCatalogueCaching(this IHostApplicationBuilder builder)
    {
        var enabled = builder.Configuration.GetValue("Catalogue:CacheOutput", true);
        var lifetime = builder.Configuration.GetValue("Catalogue:CacheLifetime", TimeSpan.FromMinutes(5));
        builder.Services.AddStackExchangeRedisOutputCache(redis =>
        {
            // A cache is not worth waiting for: connect in the background, and while Redis is away fail at once
            // (no queueing of commands until it is back) so that the page is rendered uncached.
            var options = ConfigurationOptions.Parse(builder.Configuration.GetConnectionString("cache") ?? "");
            options.AbortOnConnectFail = false;
            options.BacklogPolicy = BacklogPolicy.FailFast;
            options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
            redis.ConfigurationOptions = options;
            // Instances with queues of their own (tests) keep their cache apart too.
            redis.InstanceName = $"{builder.Configuration["Messaging:QueuePrefix"] ?? "media"}-catalogue:";
        });
        builder.Services.AddOutputCache(options =>
        {
            void Add(string name, TimeSpan expiry, Action<OutputCachePolicyBuilder>? more = null) => options.AddPolicy(name, policy =>
            {
                if (!enabled)
                {
                    policy.NoCache();
                    return;
                }

                policy.Expire(expiry).Tag(FactsConsumer.CacheTag);
                more?.Invoke(policy);
            });

            Add(Policy, lifetime);
            // A call leaves the list when its deadline passes, which no event announces: a short lifetime.
            Add(CallsPolicy, TimeSpan.FromMinutes(1));
            Add(PagePolicy, lifetime, policy => policy.VaryByValue(context =>
                new KeyValuePair<string, string>("lang", CatalogueLanguage.Of(context.Request))));
        });
        ResilientOutputCacheStore.Decorate(builder.Services);
        return builder;
    }
}

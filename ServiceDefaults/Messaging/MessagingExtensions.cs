using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>The connection string (an <c>amqp://</c> URI) of the RabbitMQ broker every service shares.</summary>
    public const string ConnectionName = "messaging";

    /// <summary>
    /// MassTransit over RabbitMQ with the platform's outbox and inbox: events added with
    /// <see cref="OutboxDbContextExtensions.AddIntegrationEvent"/> are published by a background dispatcher;
    /// consumers apply each message once through <see cref="Inbox{TDbContext}"/>. Queues are named
    /// <c>{service}-{consumer}</c> in kebab case, so each service gets its own copy of every event
    /// (<c>Messaging:QueuePrefix</c> replaces the service name, so two test instances of a service never share a queue).
    /// </summary>
    public static IHostApplicationBuilder AddPlatformMessaging<TDbContext>(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<IBusRegistrationConfigurator>? configureConsumers = null)
        where TDbContext : DbContext, IOutboxDbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not set: the service needs the RabbitMQ broker (an amqp:// URI).");

        var queues = new QueueNames(builder.Configuration["Messaging:QueuePrefix"] ?? serviceName);
        builder.Services.AddSingleton(queues);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<MessagingMetrics>();
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration("Messaging:Outbox");
        builder.Services.AddSingleton<InboxGroupCommit<TDbContext>>();
        builder.Services.AddScoped<Inbox<TDbContext>>();
        builder.Services.AddSingleton<ErrorQueues>();
        builder.Services.AddHostedService<OutboxDispatcher<TDbContext>>();
        builder.Services.AddHostedService<OutboxListener<TDbContext>>();

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(queues.Prefix, includeNamespace: false));
            // Messaging:QuorumQueues (the AppHost turns it on for container and external brokers): every consumer's
            // queue is a quorum queue, replicated over a cluster's nodes, so it and its messages outlive a node. A
            // queue that exists as a classic one cannot be declared again as quorum (docs/operations.md, Replicas).
            if (builder.Configuration.GetValue("Messaging:QuorumQueues", false))
            {
                bus.AddConfigureEndpointsCallback((_, _, endpoint) => (endpoint as IRabbitMqReceiveEndpointConfigurator)?.SetQuorumQueue());
            }

            bus.AddConsumers(typeof(TDbContext).Assembly);
            configureConsumers?.Invoke(bus);

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString), host =>
                {
                    host.PublisherConfirmation = true;
                    host.RequestedConnectionTimeout(TimeSpan.FromSeconds(10));
                });
                if (!BrokerReconnect.ApplyTo(rabbit))
                {
                    context.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BrokerReconnect))
                        .LogWarning("MassTransit's reconnect schedule could not be replaced: after a broker outage consumers may stay idle for up to 30 s");
                }

                // Set explicitly: MassTransit's default prefetch measurably slowed consumption here.
                rabbit.PrefetchCount = builder.Configuration.GetValue("Messaging:PrefetchCount", 32);
                // Transient failures (a deadlock, a database restarting or out of connections) are retried for about
                // two minutes; what still fails goes to the _error queue.
                var retries = builder.Configuration.GetValue("Messaging:Retry:Limit", 10);
                var longestWait = builder.Configuration.GetValue("Messaging:Retry:MaxInterval", TimeSpan.FromSeconds(30));
                rabbit.UseMessageRetry(retry => retry.Exponential(retries, TimeSpan.FromMilliseconds(200), longestWait, TimeSpan.FromMilliseconds(500)));
                rabbit.ConnectEndpointConfigurationObserver(context.GetRequiredService<ErrorQueues>()); // learns the queue names
                rabbit.ConfigureEndpoints(context);
            });
        });

        return builder;
    }
}

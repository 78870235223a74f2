using System.Collections;
using System.Reflection;
using System.Text.Json;
using Platform.ServiceDefaults.Messaging;

namespace Platform.UnitTests.Messaging;

public sealed class IntegrationEventSerializerTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 8, 15, 30, 123, TimeSpan.Zero);

    /// <summary>Every concrete integration event in Platform.Contracts, found the way a new one would be.</summary>
    private static List<string> EventTypeNames() =>
        typeof(IIntegrationEvent).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IIntegrationEvent).IsAssignableFrom(t))
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal)
            .ToList();

    public static TheoryData<string> EventTypes => new(EventTypeNames());

    [Fact]
    public void The_contracts_contain_the_organisation_events()
    {
        var names = EventTypeNames();

        Assert.Contains(typeof(OrganizationRegistered).FullName!, names);
        Assert.Contains(typeof(OrganizationUpdated).FullName!, names);
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Every_event_survives_the_outbox_round_trip(string typeName)
    {
        var type = typeof(IIntegrationEvent).Assembly.GetType(typeName, throwOnError: true)!;
        var original = (IIntegrationEvent)SampleValues.Create(type);
        var originalJson = JsonSerializer.Serialize(original, type, IntegrationEventSerializer.Options);

        var message = OutboxMessage.For(original, Now);
        var (restored, restoredType) = IntegrationEventSerializer.Deserialize(message.MessageType, message.Payload);

        Assert.Equal(type, restoredType);
        Assert.IsType(type, restored);
        var @event = (IIntegrationEvent)restored;
        Assert.Equal(original.EventId, @event.EventId);
        Assert.Equal(original.OccurredAt, @event.OccurredAt);
        Assert.Equal(originalJson, JsonSerializer.Serialize(restored, type, IntegrationEventSerializer.Options));
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var expected = property.GetValue(original);
            var actual = property.GetValue(restored);
            Assert.True(SampleValues.DeepEqual(expected, actual), $"{type.Name}.{property.Name} changed in the round trip.");
        }
    }

    [Theory]
    [InlineData("Platform.Contracts.Capacity.OrganizationDeleted")]
    [InlineData("OrganizationRegistered")]
    [InlineData("platform.contracts.capacity.organizationregistered")]
    [InlineData("Platform.Contracts.Capacity.OrganizationType")]
    [InlineData("Platform.Contracts.IntegrationEvent")]
    [InlineData("System.String")]
    [InlineData("")]
    public void An_unknown_type_name_is_refused(string messageType)
    {
        Assert.Throws<InvalidOperationException>(() => IntegrationEventSerializer.Deserialize(messageType, "{}"));
    }

    [Fact]
    public void A_null_payload_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => IntegrationEventSerializer.Deserialize(typeof(OrganizationRegistered).FullName!, "null"));
    }
}

/// <summary>Builds an instance of a contract type with a distinct, non-default value in every constructor parameter.</summary>
internal static class SampleValues
{
    private static int _counter;

    public static object Create(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new NotSupportedException($"{type.Name} has no public constructor.");
        var arguments = constructor.GetParameters().Select(p => ValueOf(p.ParameterType, $"{type.Name}.{p.Name}")).ToArray();
        var instance = constructor.Invoke(arguments);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.CanWrite && p.Name is "EventId" or "OccurredAt"))
        {
            property.SetValue(instance, property.Name == "EventId" ? Guid.CreateVersion7() : new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero).AddTicks(1234));
        }

        return instance;
    }

    private static object? ValueOf(Type type, string where)
    {
        var n = Interlocked.Increment(ref _counter);
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return ValueOf(underlying, where);
        }

        if (type == typeof(string)) return $"{where}-{n}";
        if (type == typeof(Guid)) return Guid.NewGuid();
        if (type == typeof(int)) return 1000 + n;
        if (type == typeof(long)) return 10_000_000_000L + n;
        if (type == typeof(short)) return (short)(100 + n);
        if (type == typeof(decimal)) return 1234.56m + n;
        if (type == typeof(double)) return 0.5 + n;
        if (type == typeof(bool)) return true;
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2026, 6, 7, 8, 9, 10, TimeSpan.Zero).AddTicks(n);
        if (type == typeof(DateTime)) return new DateTime(2026, 6, 7, 8, 9, 10, DateTimeKind.Utc).AddTicks(n);
        if (type == typeof(DateOnly)) return new DateOnly(2026, 6, 1).AddDays(n % 28);
        if (type == typeof(TimeOnly)) return new TimeOnly(10, n % 60);
        if (type == typeof(TimeSpan)) return TimeSpan.FromMinutes(n);
        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return values.GetValue(values.Length - 1);
        }

        if (type.IsArray)
        {
            var element = type.GetElementType()!;
            var array = Array.CreateInstance(element, 2);
            array.SetValue(ValueOf(element, where), 0);
            array.SetValue(ValueOf(element, where), 1);
            return array;
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var arguments = type.GetGenericArguments();
            if (arguments.Length == 2 && (definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>)))
            {
                var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
                var keys = arguments[0] == typeof(string) ? new object?[] { Language.Georgian, Language.English } : [ValueOf(arguments[0], where), ValueOf(arguments[0], where)];
                foreach (var key in keys)
                {
                    dictionary.Add(key!, ValueOf(arguments[1], where));
                }

                return dictionary;
            }

            if (arguments.Length == 1 && (definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IEnumerable<>)
                                          || definition == typeof(IList<>) || definition == typeof(ICollection<>) || definition == typeof(List<>)))
            {
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(arguments))!;
                list.Add(ValueOf(arguments[0], where));
                list.Add(ValueOf(arguments[0], where));
                return list;
            }
        }

        if (type.Namespace?.StartsWith("Platform.Contracts", StringComparison.Ordinal) == true && !type.IsInterface && !type.IsAbstract)
        {
            return Create(type);
        }

        throw new NotSupportedException($"No sample value for {type} ({where}); teach {nameof(SampleValues)} about it.");
    }

    /// <summary>Equal values, looking into collections and records' public properties.</summary>
    public static bool DeepEqual(object? expected, object? actual)
    {
        if (expected is null || actual is null) return expected is null && actual is null;
        if (expected is string || expected.GetType().IsPrimitive || expected.GetType().IsEnum || expected is decimal or Guid or DateTimeOffset or DateTime or DateOnly or TimeOnly or TimeSpan)
        {
            return expected.Equals(actual);
        }

        if (expected is IDictionary expectedDictionary && actual is IDictionary actualDictionary)
        {
            return expectedDictionary.Count == actualDictionary.Count
                && expectedDictionary.Keys.Cast<object>().All(k => actualDictionary.Contains(k) && DeepEqual(expectedDictionary[k], actualDictionary[k]));
        }

        if (expected is IEnumerable expectedItems && actual is IEnumerable actualItems)
        {
            var left = expectedItems.Cast<object?>().ToList();
            var right = actualItems.Cast<object?>().ToList();
            return left.Count == right.Count && left.Zip(right).All(pair => DeepEqual(pair.First, pair.Second));
        }

        var type = expected.GetType();
        if (type != actual.GetType()) return false;
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .All(p => DeepEqual(p.GetValue(expected), p.GetValue(actual)));
    }
}

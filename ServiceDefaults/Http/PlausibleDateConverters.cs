using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.ServiceDefaults.Http;

/// <summary>
/// Days and instants a programme can mean: years 1900 to 2200. A date at the edge of the calendar (9999-12-31) is
/// valid JSON, but the first "a month later" overflows; refused where it enters, as a 400 naming the field.
/// </summary>
public static class PlausibleDates
{
    public const int FirstYear = 1900;
    public const int LastYear = 2200;
    public static readonly string Reason = $"Use a date between the years {FirstYear} and {LastYear}.";

    public static void AddTo(JsonSerializerOptions options)
    {
        options.Converters.Add(new DateOnlyConverter());
        options.Converters.Add(new DateTimeOffsetConverter());
    }

    private static T Check<T>(T value, int year) => year is >= FirstYear and <= LastYear ? value : throw new JsonException(Reason);

    private sealed class DateOnlyConverter : JsonConverter<DateOnly>
    {
        private static readonly JsonConverter<DateOnly> Default = (JsonConverter<DateOnly>)JsonSerializerOptions.Default.GetConverter(typeof(DateOnly));

        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = Default.Read(ref reader, typeToConvert, options);
            return Check(value, value.Year);
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) => Default.Write(writer, value, options);
    }

    private sealed class DateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        private static readonly JsonConverter<DateTimeOffset> Default = (JsonConverter<DateTimeOffset>)JsonSerializerOptions.Default.GetConverter(typeof(DateTimeOffset));

        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = Default.Read(ref reader, typeToConvert, options);
            return Check(value, value.UtcDateTime.Year);
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => Default.Write(writer, value, options);
    }
}

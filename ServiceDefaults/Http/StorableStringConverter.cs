using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.ServiceDefaults.Http;

/// <summary>
/// Reads JSON strings (values and object keys) as usual but refuses a NUL character: PostgreSQL cannot store it in
/// text or jsonb, so it would fail at the database as a 500 instead of being named here as the client's mistake.
/// </summary>
internal sealed class StorableStringConverter : JsonConverter<string>
{
    public const string Reason = "Text must not contain the NUL character (\\u0000).";

    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString())!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string? Checked(string? value) =>
        value is not null && value.Contains('\0', StringComparison.Ordinal) ? throw new JsonException(Reason) : value;
}

using System.Text.Json;
using Platform.ServiceDefaults.Http;

namespace Platform.UnitTests.Http;

/// <summary>PostgreSQL cannot store a NUL character: it is refused while the body is read, naming the field.</summary>
public sealed class StorableStringConverterTests
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new StorableStringConverter() } };

    private sealed record Request(Dictionary<string, string?>? Name, string? Email);

    [Fact]
    public void Ordinary_text_is_read_as_it_is()
    {
        var request = JsonSerializer.Deserialize<Request>("""{"name":{"ka":"მარნეული","en":"Marneuli"},"email":null}""", Options)!;

        Assert.Equal("მარნეული", request.Name!["ka"]);
        Assert.Null(request.Email);
    }

    [Theory]
    [InlineData("""{"email":"a\u0000b@example.ge"}""", "$.email")]
    [InlineData("""{"name":{"en":"Marneuli\u0000"}}""", "$.name.en")]
    [InlineData("""{"name":{"e\u0000n":"Marneuli"}}""", "$.name")]
    public void A_nul_character_is_refused_at_its_path(string json, string path)
    {
        var refused = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Request>(json, Options));

        Assert.StartsWith(StorableStringConverter.Reason, refused.Message, StringComparison.Ordinal);
        Assert.StartsWith(path, refused.Path, StringComparison.Ordinal);
    }
}

using System.Security.Cryptography;

namespace Platform.Identity.Users;

/// <summary>Passwords the server makes up: returned once, then only their hash is kept.</summary>
public static class OneTimePassword
{
    // No look-alikes (0/O, 1/l/I), no characters a shell or a URL would treat specially.
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>24 characters of a 57-letter alphabet: about 140 bits.</summary>
    public static string Generate(int length = 24) => RandomNumberGenerator.GetString(Alphabet, length);
}

using Platform.Demo;
using Platform.Demo.Access;
using Platform.Demo.Demo;

// ./platform.sh token | demo: the first calls of a newcomer, against a running platform, through the gateway only.
try
{
    var options = ToolOptions.Parse(args);
    using var gateway = new Gateway(options.GatewayUrl);
    var tokens = new TokenServer(gateway, options);
    switch (options.Command)
    {
        case "token":
            Console.WriteLine(options.Role is null or "programme-admin" && options.OrganizationId is null
                ? await tokens.SignInAsAdminAsync()
                : await tokens.MachineClientTokenAsync(options.Role ?? "programme-admin", options.OrganizationId));
            return 0;
        case "demo":
            var changes = await DemoProgramme.RunAsync(gateway, tokens, Console.Error);
            Console.WriteLine(changes.Summary());
            return 0;
        default:
            Console.Error.WriteLine(ToolOptions.Usage);
            return 2;
    }
}
catch (ToolException ex)
{
    Console.Error.WriteLine($"platform: {ex.Message}");
    return 1;
}

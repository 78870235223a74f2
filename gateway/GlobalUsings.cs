global using Platform.Gateway.Proxy;
global using Platform.Gateway.Routing;
global using Platform.ServiceDefaults.Http;

global using Platform.ServiceDefaults.Http;
global using Platform.ServiceDefaults.Messaging;

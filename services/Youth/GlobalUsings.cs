global using Platform.ServiceDefaults.Domain;
global using Platform.ServiceDefaults.Http;
global using Platform.ServiceDefaults.Messaging;
global using Platform.ServiceDefaults.Data;

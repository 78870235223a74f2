global using Platform.ServiceDefaults.Http;

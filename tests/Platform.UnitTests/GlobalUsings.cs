global using Platform.Contracts;
global using Platform.Contracts.Capacity;
global using Platform.Contracts.ReferenceData;
global using Platform.ServiceDefaults.Domain;

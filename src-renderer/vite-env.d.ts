// Types Vite supplies to the renderer: CSS and asset imports, import.meta.env.
/// <reference types="vite/client" />

// placeholder until the real entry lands
import { createRoot } from "react-dom/client";

createRoot(document.getElementById("root") ?? document.body).render(<p>Reach Guard</p>);

import { notFound } from "next/navigation";

// Any address under a language that no page answers: the translated not-found page, inside the site's
// layout, rather than the framework's English one.
export default function UnknownPage() {
  notFound();
}

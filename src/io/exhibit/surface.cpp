#include "io/exhibit/surface.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <dlfcn.h>
#include <librsvg/rsvg.h>

#include <cmath>
#include <cstring>
#include <memory>
#include <string>
#include <variant>

#include "claimgraph/io/render.hpp"

namespace claimgraph::io::exhibit {

namespace {

// librsvg and cairo are opened when a page is first drawn, not linked: the
// two and what they bring in (GLib, Pango, fontconfig, X11's client
// libraries, ICU: some forty shared libraries) took about 10 ms to load and
// relocate when the program started, most of its start-up, and every
// command paid it though only exhibits draw pages. Each function's type is
// taken from its declaration in the library's header, so a call is checked
// as a direct one would be.
struct Api {
  decltype(&::rsvg_handle_new_from_data) rsvg_handle_new_from_data;
  decltype(&::rsvg_handle_set_dpi) rsvg_handle_set_dpi;
  decltype(&::rsvg_handle_render_document) rsvg_handle_render_document;
  decltype(&::rsvg_handle_get_intrinsic_size_in_pixels) rsvg_handle_get_intrinsic_size_in_pixels;
  decltype(&::g_object_unref) g_object_unref;
  decltype(&::g_error_free) g_error_free;
  decltype(&::cairo_surface_destroy) cairo_surface_destroy;
  decltype(&::cairo_destroy) cairo_destroy;
  decltype(&::cairo_status_to_string) cairo_status_to_string;
  decltype(&::cairo_pdf_surface_create_for_stream) cairo_pdf_surface_create_for_stream;
  decltype(&::cairo_pdf_surface_set_metadata) cairo_pdf_surface_set_metadata;
  decltype(&::cairo_surface_status) cairo_surface_status;
  decltype(&::cairo_create) cairo_create;
  decltype(&::cairo_show_page) cairo_show_page;
  decltype(&::cairo_status) cairo_status;
  decltype(&::cairo_surface_finish) cairo_surface_finish;
  decltype(&::cairo_image_surface_create) cairo_image_surface_create;
  decltype(&::cairo_set_source_rgb) cairo_set_source_rgb;
  decltype(&::cairo_paint) cairo_paint;
  decltype(&::cairo_scale) cairo_scale;
  decltype(&::cairo_surface_write_to_png_stream) cairo_surface_write_to_png_stream;
};

// The libraries by their Debian sonames (packages librsvg2-2 and libcairo2),
// kept open for the rest of the run once their functions are all found.
constexpr const char* rsvg_library = "librsvg-2.so.2";
constexpr const char* cairo_library = "libcairo.so.2";

// Api's functions, or why they cannot be had.
std::variant<Api, std::string> load() {
  const auto why = [](const char* library) {
    const char* reason = dlerror();
    return std::string("cannot load ") + library + (reason != nullptr ? std::string(" (") + reason + ")" : "") +
           ", which measures and draws the pages of exhibits, render --page (Debian: apt-get install librsvg2-2 libcairo2)";
  };
  void* rsvg = dlopen(rsvg_library, RTLD_NOW | RTLD_LOCAL);
  if (rsvg == nullptr) return why(rsvg_library);
  void* cairo = dlopen(cairo_library, RTLD_NOW | RTLD_LOCAL);
  if (cairo == nullptr) {
    std::string reason = why(cairo_library);
    dlclose(rsvg);
    return reason;
  }
  Api api{};
  std::string missing;
  // The GLib functions come from librsvg's own dependencies, which dlsym
  // searches after librsvg.
  const auto bind = [&missing](void* library, const char* name, auto& function) {
    void* address = dlsym(library, name);
    if (address == nullptr) {
      missing += missing.empty() ? name : std::string(", ") + name;
      return;
    }
    static_assert(sizeof(function) == sizeof(address));
    std::memcpy(&function, &address, sizeof address);  // POSIX: a function's address as dlsym gives it
  };
#define CLAIMGRAPH_BIND(library, name) bind(library, #name, api.name)
  CLAIMGRAPH_BIND(rsvg, rsvg_handle_new_from_data);
  CLAIMGRAPH_BIND(rsvg, rsvg_handle_set_dpi);
  CLAIMGRAPH_BIND(rsvg, rsvg_handle_render_document);
  CLAIMGRAPH_BIND(rsvg, rsvg_handle_get_intrinsic_size_in_pixels);
  CLAIMGRAPH_BIND(rsvg, g_object_unref);
  CLAIMGRAPH_BIND(rsvg, g_error_free);
  CLAIMGRAPH_BIND(cairo, cairo_surface_destroy);
  CLAIMGRAPH_BIND(cairo, cairo_destroy);
  CLAIMGRAPH_BIND(cairo, cairo_status_to_string);
  CLAIMGRAPH_BIND(cairo, cairo_pdf_surface_create_for_stream);
  CLAIMGRAPH_BIND(cairo, cairo_pdf_surface_set_metadata);
  CLAIMGRAPH_BIND(cairo, cairo_surface_status);
  CLAIMGRAPH_BIND(cairo, cairo_create);
  CLAIMGRAPH_BIND(cairo, cairo_show_page);
  CLAIMGRAPH_BIND(cairo, cairo_status);
  CLAIMGRAPH_BIND(cairo, cairo_surface_finish);
  CLAIMGRAPH_BIND(cairo, cairo_image_surface_create);
  CLAIMGRAPH_BIND(cairo, cairo_set_source_rgb);
  CLAIMGRAPH_BIND(cairo, cairo_paint);
  CLAIMGRAPH_BIND(cairo, cairo_scale);
  CLAIMGRAPH_BIND(cairo, cairo_surface_write_to_png_stream);
#undef CLAIMGRAPH_BIND
  if (!missing.empty()) {
    dlclose(cairo);
    dlclose(rsvg);
    return std::string("the librsvg and cairo found lack ") + missing + ", which exhibits need (librsvg 2.52 or later)";
  }
  return api;
}

// The functions, loaded on the first call (once, whichever thread calls
// first); throws RenderError when they cannot be.
const Api& lib() {
  static const std::variant<Api, std::string> loaded = load();
  if (const auto* why = std::get_if<std::string>(&loaded)) throw RenderError(*why, {});
  return std::get<Api>(loaded);
}

struct HandleDeleter {
  void operator()(RsvgHandle* handle) const { lib().g_object_unref(handle); }
};
using Handle = std::unique_ptr<RsvgHandle, HandleDeleter>;

struct SurfaceDeleter {
  void operator()(cairo_surface_t* surface) const { lib().cairo_surface_destroy(surface); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;

struct ContextDeleter {
  void operator()(cairo_t* cr) const { lib().cairo_destroy(cr); }
};
using Context = std::unique_ptr<cairo_t, ContextDeleter>;

[[noreturn]] void fail(std::string what, GError* error) {
  if (error != nullptr) {
    what += ": ";
    what += error->message;
    lib().g_error_free(error);
  }
  throw RenderError(what, {});
}

// librsvg's reading of `svg`, at 72 dots to the inch (one pixel a point).
Handle open(std::string_view svg) {
  GError* error = nullptr;
  Handle handle(lib().rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error));
  if (!handle) fail("cannot read the page's SVG", error);
  lib().rsvg_handle_set_dpi(handle.get(), 72);
  return handle;
}

void draw(cairo_t* cr, std::string_view svg, PageSize size) {
  const Handle handle = open(svg);
  const RsvgRectangle viewport{0, 0, size.width, size.height};
  GError* error = nullptr;
  if (lib().rsvg_handle_render_document(handle.get(), cr, &viewport, &error) == FALSE) fail("cannot draw the page", error);
}

void check(cairo_status_t status, const char* what) {
  if (status != CAIRO_STATUS_SUCCESS) {
    throw RenderError(std::string(what) + ": " + lib().cairo_status_to_string(status), {});
  }
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  try {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  } catch (...) {  // called from C: nothing may escape
    return CAIRO_STATUS_NO_MEMORY;
  }
}

}  // namespace

PageSize svg_size(std::string_view svg) {
  const Handle handle = open(svg);
  double width = 0;
  double height = 0;
  if (lib().rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &width, &height) == FALSE) {
    throw RenderError("the diagram's SVG gives no size", {});
  }
  return {width, height};
}

std::string pdf_of(std::span<const std::string> pages, PageSize size, std::string_view title) {
  std::string out;
  {
    const Surface surface(lib().cairo_pdf_surface_create_for_stream(&append, &out, size.width, size.height));
    check(lib().cairo_surface_status(surface.get()), "cannot start the PDF");
    const std::string name(title);
    lib().cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, name.c_str());
    lib().cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "claimgraph");
    const Context cr(lib().cairo_create(surface.get()));
    for (const auto& page : pages) {
      draw(cr.get(), page, size);
      lib().cairo_show_page(cr.get());
    }
    check(lib().cairo_status(cr.get()), "cannot draw the PDF");
    lib().cairo_surface_finish(surface.get());
    check(lib().cairo_surface_status(surface.get()), "cannot write the PDF");
  }
  return out;
}

std::string png_of(std::string_view page, PageSize size, double dpi) {
  const double k = dpi / 72.0;
  const auto width = static_cast<int>(std::lround(size.width * k));
  const auto height = static_cast<int>(std::lround(size.height * k));
  const Surface surface(lib().cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height));
  check(lib().cairo_surface_status(surface.get()), "cannot make the picture (too large?)");
  {
    const Context cr(lib().cairo_create(surface.get()));
    lib().cairo_set_source_rgb(cr.get(), 1, 1, 1);
    lib().cairo_paint(cr.get());
    lib().cairo_scale(cr.get(), k, k);
    draw(cr.get(), page, size);
    check(lib().cairo_status(cr.get()), "cannot draw the picture");
  }
  std::string out;
  check(lib().cairo_surface_write_to_png_stream(surface.get(), &append, &out), "cannot write the PNG");
  return out;
}

}  // namespace claimgraph::io::exhibit
